namespace Quality.Domain.Findings;

/// <summary>The test that every annotator has the same rate of an error type (k × 2 table, errors vs non-errors).</summary>
/// <param name="Method"><c>chi-square</c> (asymptotic), <c>monte-carlo</c> (margins fixed, <paramref name="Replicates"/> tables) or <c>not defined</c>.</param>
/// <param name="Statistic">Pearson's X²; NaN when not defined (fewer than two annotators, no errors, or only errors).</param>
/// <param name="DegreesOfFreedom">k − 1.</param>
/// <param name="PValue">The unadjusted p-value; NaN when not defined.</param>
/// <param name="AdjustedPValue">After the delivery's multiplicity adjustment; NaN when not defined.</param>
/// <param name="Replicates">Monte Carlo replicates; 0 for the asymptotic test.</param>
/// <param name="MinimumExpected">The smallest expected cell count; below 5 the Monte Carlo test is used (Cochran's rule).</param>
public sealed record HomogeneityTest(
    string Method, double Statistic, int DegreesOfFreedom, double PValue, double AdjustedPValue, int Replicates, double MinimumExpected)
{
    /// <summary>Why the test's figures are NaN when it is not defined.</summary>
    internal const string WhyNotDefined =
        "not defined: fewer than two annotators with opportunities, too few opportunities to test, no errors, or only errors";

    internal static HomogeneityTest NotDefined(int annotators, double minimumExpected) =>
        new("not defined", double.NaN, Math.Max(annotators - 1, 0), double.NaN, double.NaN, 0, minimumExpected);
}
