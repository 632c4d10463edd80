using System.Globalization;

namespace Quality.Tests.Shared;

/// <summary>
/// Makes the current culture one that writes numbers and dates as German does (0,7434 and 25.11.2026) until disposed:
/// what a machine's culture would do to text that forgot to be invariant. Built from the invariant culture, since the
/// product runs with InvariantGlobalization and has no culture data for "de-DE". The culture flows with the test's
/// async calls and no further.
/// </summary>
internal sealed class CommaDecimalCulture : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

    private CommaDecimalCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.PercentDecimalSeparator = ",";
        culture.NumberFormat.NaNSymbol = "NaN";
        culture.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
        culture.DateTimeFormat.LongTimePattern = "HH:mm:ss";
        CultureInfo.CurrentCulture = culture;
    }

    public static CommaDecimalCulture Use() => new();

    public void Dispose() => CultureInfo.CurrentCulture = _previous;
}
