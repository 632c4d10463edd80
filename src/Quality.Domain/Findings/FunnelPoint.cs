namespace Quality.Domain.Findings;

/// <summary>One annotator on the funnel plot of an error type.</summary>
/// <param name="Annotator">The annotator id.</param>
/// <param name="Errors">Their errors.</param>
/// <param name="Opportunities">Their opportunities n.</param>
/// <param name="Rate">Errors / n.</param>
/// <param name="ExpectedRate">The target: the pooled rate of the other annotators (leave-one-out).</param>
/// <param name="Z">(Rate − target)/√(target(1 − target)/n); NaN when the target is 0 or 1.</param>
/// <param name="Lower">Lower funnel limit at the funnel level (exact binomial, Spiegelhalter's interpolation).</param>
/// <param name="Upper">Upper funnel limit.</param>
/// <param name="FlaggedHigh">Rate strictly above <paramref name="Upper"/>.</param>
public readonly record struct FunnelPoint(
    string Annotator, long Errors, long Opportunities, double Rate, double ExpectedRate, double Z, double Lower, double Upper, bool FlaggedHigh);
