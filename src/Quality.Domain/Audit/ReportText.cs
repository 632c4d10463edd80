using System.Globalization;

namespace Quality.Domain.Audit;

/// <summary>
/// How figures read in human text — CLI output, statements, evidence details, log lines — as <see cref="ReportJson"/>
/// is how they are written in JSON: invariant culture ('.' decimals, ISO 8601 dates), statistics rounded for
/// reading to four decimal places (the JSON beside them keeps every digit), and an undefined figure said in words with
/// its reason, never "NaN" (docs/api.md, "Numbers, dates and undefined values").
/// </summary>
public static class ReportText
{
    /// <summary><paramref name="value"/> to four decimal places without trailing zeros; "undefined" when it is not finite.</summary>
    public static string Figure(double value) => double.IsFinite(value) ? value.ToString("0.####", CultureInfo.InvariantCulture) : "undefined";

    /// <summary>As <see cref="Figure(double)"/>, but an undefined figure says why: <c>undefined (no unit has two or more values)</c>.</summary>
    public static string Figure(double value, string whyUndefined) => double.IsFinite(value) ? Figure(value) : Undefined(whyUndefined);

    /// <summary>A nullable figure as the views carry it: null is undefined, for the reason given.</summary>
    public static string Figure(double? value, string? whyUndefined) =>
        value is { } v ? Figure(v) : whyUndefined is null ? "undefined" : Undefined(whyUndefined);

    public static string Undefined(string why) => $"undefined ({why})";

    /// <summary>Interpolated text in the invariant culture, whatever the thread's culture.</summary>
    public static string Invariant(FormattableString text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToString(CultureInfo.InvariantCulture);
    }
}
