namespace Quality.Domain.Agreement;

/// <summary>
/// The agreement statistics as the literature names them, for every human-readable line (CLI text, statements, log
/// lines): "Krippendorff's alpha (nominal)", never a bare "alpha" that leaves the reader to guess the level.
/// </summary>
public static class StatisticNames
{
    public const string CohenKappa = "Cohen's kappa";

    public const string FleissKappa = "Fleiss' kappa";

    public const string GwetAc1 = "Gwet's AC1";

    public const string PercentAgreement = "percent agreement";

    /// <summary>"Krippendorff's alpha (ordinal)": alpha's value depends on the level its difference function assumes.</summary>
    public static string KrippendorffAlpha(MeasurementLevel level) => KrippendorffAlpha(Level(level));

    /// <summary>As <see cref="KrippendorffAlpha(MeasurementLevel)"/>, for a level as the views write it (<see cref="Level"/>).</summary>
    public static string KrippendorffAlpha(string level) => $"Krippendorff's alpha ({level})";

    /// <summary>The level as written in deliveries and JSON: <c>nominal</c>, <c>ordinal</c>, <c>interval</c>, <c>ratio</c>.</summary>
    public static string Level(MeasurementLevel level) => level switch
    {
        MeasurementLevel.Ordinal => "ordinal",
        MeasurementLevel.Interval => "interval",
        MeasurementLevel.Ratio => "ratio",
        _ => "nominal",
    };
}
