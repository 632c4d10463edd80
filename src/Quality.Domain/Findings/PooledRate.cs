using Quality.Domain.Matching;

namespace Quality.Domain.Findings;

/// <summary>Errors out of opportunities with the rate and its Wilson 95% interval (<see cref="RateEstimate.NotDefined"/> without opportunities).</summary>
public sealed record PooledRate(long Errors, long Opportunities, RateEstimate Rate)
{
    internal static PooledRate Of(long errors, long opportunities) =>
        new(errors, opportunities, WilsonScoreInterval.Compute(errors, opportunities));
}
