namespace Quality.Domain.Findings;

/// <summary>The judgement on one error type of one delivery, with every figure it rests on.</summary>
/// <param name="Type">The error type.</param>
/// <param name="Source">The classification.</param>
/// <param name="Pooled">All annotators pooled: errors, opportunities, rate with its Wilson 95% interval.</param>
/// <param name="Baseline">The history given; null when none.</param>
/// <param name="Elevation">Pooled rate against the history (or the acceptable rate).</param>
/// <param name="Homogeneity">Annotators against each other.</param>
/// <param name="Funnel">One point per annotator with opportunities, ordered by annotator id.</param>
/// <param name="FlaggedAnnotators">
/// The outliers, ordered by id: above their upper funnel limit and with a rate ≥ (1 + MinimumElevation) × the others'
/// (<see cref="FunnelPoint.FlaggedHigh"/> is the funnel's own test alone).
/// </param>
/// <param name="Statement">What was found, in one sentence with its figures.</param>
/// <param name="Action">What to do about it.</param>
public sealed record ErrorSourceVerdict(
    ErrorType Type,
    ErrorSource Source,
    PooledRate Pooled,
    BaselineRate? Baseline,
    ElevationTest Elevation,
    HomogeneityTest Homogeneity,
    IReadOnlyList<FunnelPoint> Funnel,
    IReadOnlyList<string> FlaggedAnnotators,
    string Statement,
    string Action);
