namespace Quality.Domain.Findings;

/// <summary>The funnel points of one error type: each annotator against the pooled rate of the others.</summary>
/// <remarks>
/// Spiegelhalter (2005) plots each unit against one target. Here the target of annotator i is the leave-one-out rate
/// p₋ᵢ = (E − x_i)/(N − n_i): against the all-annotator rate, one bad annotator raises the target and hides behind it,
/// and with five annotators one at 5× the others moves the pooled rate by 80%. Limits: <see cref="FunnelLimits"/>.
/// </remarks>
public static class FunnelPlot
{
    public static FunnelPoint[] Points(AnnotatorErrors[] annotators, double level)
    {
        long total = annotators.Sum(a => a.Opportunities), totalErrors = annotators.Sum(a => a.Errors);
        var points = new FunnelPoint[annotators.Length];
        for (var i = 0; i < annotators.Length; i++)
        {
            var (name, x, n) = annotators[i];
            var others = total - n;
            var target = others > 0 ? (double)(totalErrors - x) / others : double.NaN;
            var (lower, upper) = FunnelLimits.Limits(level, n, target);
            var rate = (double)x / n;
            var z = target is > 0 and < 1 ? (rate - target) / Math.Sqrt(target * (1 - target) / n) : double.NaN;
            points[i] = new FunnelPoint(name, x, n, rate, target, z, lower, upper, rate > upper);
        }

        return points;
    }
}
