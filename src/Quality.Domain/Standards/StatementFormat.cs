using System.Globalization;

namespace Quality.Domain.Standards;

/// <summary>How numbers appear in rule descriptions and verdict statements: invariant culture, up to four decimals.</summary>
internal static class StatementFormat
{
    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="value"/> as it is compared with <paramref name="threshold"/>: four decimals, or every digit when
    /// four would print the two the same although they differ (a bound of 0.69996 against 0.7 must not read "0.7 &lt; 0.7").
    /// </summary>
    public static string Compared(double value, double threshold) =>
        value != threshold && Number(value) == Number(threshold) ? value.ToString("R", CultureInfo.InvariantCulture) : Number(value);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
