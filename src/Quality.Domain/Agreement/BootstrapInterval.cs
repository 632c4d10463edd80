namespace Quality.Domain.Agreement;

/// <summary>A percentile bootstrap interval of a statistic, and the share of replicates below a threshold.</summary>
/// <param name="Estimate">The statistic on the data themselves.</param>
/// <param name="Lower">The (1 − confidence)/2 quantile of the replicates; NaN when no replicate is defined.</param>
/// <param name="Upper">The (1 + confidence)/2 quantile of the replicates; NaN when no replicate is defined.</param>
/// <param name="Confidence">Nominal coverage, e.g. 0.95.</param>
/// <param name="Replicates">Replicates drawn.</param>
/// <param name="DefinedReplicates">Replicates whose statistic is defined (not NaN); the quantiles are over these.</param>
/// <param name="Threshold">The threshold of <paramref name="ProbabilityBelowThreshold"/>.</param>
/// <param name="ProbabilityBelowThreshold">Share of defined replicates with a statistic below the threshold.</param>
public readonly record struct BootstrapInterval(
    double Estimate,
    double Lower,
    double Upper,
    double Confidence,
    int Replicates,
    int DefinedReplicates,
    double Threshold,
    double ProbabilityBelowThreshold)
{
    /// <summary>
    /// The percentile interval of <paramref name="replicates"/> (the defined ones; sorted here): the (1 − confidence)/2
    /// and (1 + confidence)/2 quantiles, Hyndman–Fan type 7 (linear interpolation between order statistics).
    /// </summary>
    internal static BootstrapInterval Of(double estimate, List<double> replicates, BootstrapOptions options)
    {
        replicates.Sort();
        var tail = (1 - options.Confidence) / 2;
        return new BootstrapInterval(
            estimate,
            Quantile(replicates, tail),
            Quantile(replicates, 1 - tail),
            options.Confidence,
            options.Replicates,
            replicates.Count,
            options.Threshold,
            replicates.Count == 0 ? double.NaN : replicates.Count(a => a < options.Threshold) / (double)replicates.Count);
    }

    /// <summary>Checks the options a bootstrap runs with.</summary>
    internal static void Validate(BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Replicates, 1);
        if (!(options.Confidence is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Confidence, "confidence must lie strictly between 0 and 1");
        }

        if (options.MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxDegreeOfParallelism, "threads must be -1 (every core) or at least 1");
        }
    }

    /// <summary>Hyndman–Fan type 7 quantile of ascending <paramref name="sorted"/>; NaN when empty.</summary>
    internal static double Quantile(List<double> sorted, double probability)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var position = probability * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
