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
    double ProbabilityBelowThreshold);
