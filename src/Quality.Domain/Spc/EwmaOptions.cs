namespace Quality.Domain.Spc;

/// <summary>Parameters of an <see cref="EwmaChart"/>.</summary>
public sealed record EwmaOptions
{
    /// <summary>Weight λ of the newest observation, in (0, 1]. NIST's example uses 0.3; 0.2 is a common default.</summary>
    public double Lambda { get; init; } = 0.2;

    /// <summary>Width of the limits in σ of the EWMA statistic (NIST's k).</summary>
    public double L { get; init; } = 3.0;

    /// <summary>The target μ₀ = EWMA₀ and centre; null estimates it as the mean of the baseline.</summary>
    public double? Target { get; init; }

    /// <summary>The process σ; null estimates it as MR̄/1.128 over the baseline.</summary>
    public double? Sigma { get; init; }

    /// <summary>How many leading points estimate a missing target or σ; null uses all points.</summary>
    public int? BaselineLength { get; init; }
}
