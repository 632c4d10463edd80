using System.Globalization;

namespace Quality.Domain.Findings;

/// <summary>How figures are written in statements: invariant culture, rates as percentages, p-values to two significant digits.</summary>
internal static class FindingText
{
    public static string Percent(double rate) => double.IsNaN(rate)
        ? "n/a"
        : (rate * 100).ToString(rate is > 0 and < 0.001 ? "0.###" : "0.0", CultureInfo.InvariantCulture) + "%";

    public static string P(double p) => p switch
    {
        double.NaN => "n/a",
        < 0.001 => "<0.001",
        < 0.01 => p.ToString("0.000", CultureInfo.InvariantCulture),
        _ => p.ToString("0.00", CultureInfo.InvariantCulture),
    };

    public static string Number(double value) => double.IsInfinity(value) ? "∞" : value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Names(IEnumerable<string> names) => string.Join(", ", names);
}
