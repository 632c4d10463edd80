namespace Quality.Domain.Spc.Series;

/// <summary>One phase of a series: a run of consecutive points with the same phase key, charted against its own limits.</summary>
/// <param name="Key">The phase key of its points.</param>
/// <param name="Index">1-based position among the phases.</param>
/// <param name="Start">1-based index into the whole series of its first point.</param>
/// <param name="End">1-based index of its last point, inclusive.</param>
/// <param name="Status">Warming up, Phase I or Phase II.</param>
/// <param name="BaselineLength">How many of its points are baseline: min(<see cref="SeriesChartOptions.BaselineLength"/>, points); 0 while warming up.</param>
/// <param name="Estimate">The Phase I estimate; null while warming up.</param>
public sealed record SeriesPhase(
    string Key, int Index, int Start, int End, PhaseStatus Status, int BaselineLength, SeriesPhaseEstimate? Estimate)
{
    public int Length => End - Start + 1;

    /// <summary>True in Phase I while the baseline has fewer points than <see cref="SeriesChartOptions.BaselineLength"/>.</summary>
    public bool IsProvisional { get; init; }

    /// <summary>Laney's σ_Z of the revised limits (p′, u′ charts); null otherwise; NaN when undefined.</summary>
    public double? SigmaZ { get; init; }

    /// <summary>The dispersion judged from <see cref="SigmaZ"/>; null when not a Laney chart or σ_Z is undefined.</summary>
    public Dispersion? Dispersion { get; init; }

    /// <summary>The Laney chart's statement of over- or underdispersion; null otherwise.</summary>
    public string? Note { get; init; }

    /// <summary>The CUSUM decision interval h·σ in the units of the values; null for other charts.</summary>
    public double? DecisionInterval { get; init; }
}
