using System.Globalization;
using Quality.Domain.Audit;

namespace Quality.Domain.Findings;

/// <summary>
/// How figures are written in statements: invariant culture, rates as percentages to one decimal (three below 0.1%),
/// p-values to two decimals (three below 0.01, "&lt;0.001" below 0.001), test statistics to one decimal; an undefined
/// figure reads "undefined (why)", never "NaN" (<see cref="ReportText"/>).
/// </summary>
internal static class FindingText
{
    public static string Percent(double rate) => double.IsNaN(rate)
        ? "undefined"
        : (rate * 100).ToString(rate is > 0 and < 0.001 ? "0.###" : "0.0", CultureInfo.InvariantCulture) + "%";

    public static string Percent(double rate, string whyUndefined) => double.IsNaN(rate) ? ReportText.Undefined(whyUndefined) : Percent(rate);

    /// <summary>A rate with its Wilson 95% interval, <c>2.0% (95% CI 1.1%–3.4%)</c>, or why there is none.</summary>
    public static string Rate(PooledRate rate, string whyUndefined) => rate.Opportunities == 0 || double.IsNaN(rate.Rate.Value)
        ? ReportText.Undefined(whyUndefined)
        : $"{Percent(rate.Rate.Value)} (95% CI {Percent(rate.Rate.Lower)}–{Percent(rate.Rate.Upper)})";

    public static string P(double p) => p switch
    {
        double.NaN => "undefined",
        < 0.001 => "<0.001",
        < 0.01 => p.ToString("0.000", CultureInfo.InvariantCulture),
        _ => p.ToString("0.00", CultureInfo.InvariantCulture),
    };

    public static string Number(double value) => value switch
    {
        double.NaN => "undefined",
        double.PositiveInfinity => "∞",
        double.NegativeInfinity => "−∞",
        _ => value.ToString("0.0", CultureInfo.InvariantCulture),
    };

    public static string Number(double value, string whyUndefined) => double.IsNaN(value) ? ReportText.Undefined(whyUndefined) : Number(value);

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Names(IEnumerable<string> names) => string.Join(", ", names);
}
