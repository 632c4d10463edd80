namespace Quality.Domain.Sampling;

/// <summary>How a sample size was computed (see docs/sampling.md).</summary>
public enum SampleSizeMethod
{
    /// <summary>Cochran's normal-approximation size n₀ = z²p(1 − p)/e², with a finite-population correction when N is given.</summary>
    Cochran,

    /// <summary>The smallest n whose Wilson score interval at the expected rate has a half-width of at most e.</summary>
    Wilson,

    /// <summary>Zero-or-c-failure demonstration against a binomial (infinite or large lot).</summary>
    Binomial,

    /// <summary>Zero-or-c-failure demonstration against a hypergeometric (finite lot of N items).</summary>
    Hypergeometric,
}
