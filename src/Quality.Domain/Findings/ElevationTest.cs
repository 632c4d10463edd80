namespace Quality.Domain.Findings;

/// <summary>The one-sided test that the delivery's pooled rate is above the reference rate (history, or the acceptable rate).</summary>
/// <param name="Method"><c>fisher-exact</c> (against the baseline counts), <c>binomial-exact</c> (against a fixed acceptable rate) or <c>not tested</c>.</param>
/// <param name="ReferenceRate">The historical rate, or the acceptable rate; NaN when not tested.</param>
/// <param name="RateRatio">Pooled rate / reference rate; +∞ when the reference is 0 and errors occurred, NaN when both are 0 or not tested.</param>
/// <param name="Observed">The delivery's errors (the test statistic of the conditional test).</param>
/// <param name="Expected">The errors expected under no elevation: N·(E + E₀)/(N + N₀) for Fisher, N·r for the binomial test.</param>
/// <param name="PValue">One-sided, unadjusted; NaN when not tested.</param>
/// <param name="AdjustedPValue">After the delivery's multiplicity adjustment; NaN when not tested.</param>
public sealed record ElevationTest(
    string Method, double ReferenceRate, double RateRatio, long Observed, double Expected, double PValue, double AdjustedPValue)
{
    /// <summary>Why a test's figures are NaN when it was not run.</summary>
    internal const string WhyNotTested = "not tested: the pipeline has no earlier deliveries and no acceptable rate is set";

    internal bool IsTested => Method != "not tested";

    /// <summary>Why <see cref="RateRatio"/> is NaN or infinite.</summary>
    internal string WhyRatioUndefined => !IsTested ? WhyNotTested
        : double.IsPositiveInfinity(RateRatio) ? "the reference rate is 0 while this delivery has errors"
        : "both this delivery's rate and the reference rate are 0, or this delivery has no opportunities";

    internal static ElevationTest NotTested(long observed) =>
        new("not tested", double.NaN, double.NaN, observed, double.NaN, double.NaN, double.NaN);
}
