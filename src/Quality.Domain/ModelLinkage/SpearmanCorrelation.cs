namespace Quality.Domain.ModelLinkage;

/// <summary>Spearman's rank correlation ρ: Pearson's r of the ranks, ties given their average rank.</summary>
/// <remarks>
/// With average ranks for ties this is the general form (the shortcut 1 − 6Σd²/(n(n² − 1)) holds only without ties).
/// The interval is Fisher's z with standard error 1/√(n − 3), as for Pearson's r; Fieller, Hartley and Pearson (1957)
/// give 1.06/√(n − 3) for ρ, which is wider, so this interval is a close approximation at best for small n: the
/// coefficient is reported beside Pearson's as a check on outliers and curvature, not as a second test.
/// </remarks>
public static class SpearmanCorrelation
{
    public static CorrelationEstimate Compute(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return PearsonCorrelation.Compute(AverageRanks(x), AverageRanks(y));
    }

    /// <summary>1-based ranks; tied values share the mean of the ranks they span.</summary>
    public static double[] AverageRanks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }
}
