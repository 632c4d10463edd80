namespace Quality.Domain.Sampling;

/// <summary>The finite-population correction applied to an infinite-population size n₀ when the population N is known.</summary>
public enum FinitePopulationCorrection
{
    /// <summary>
    /// Cochran (1977), <i>Sampling Techniques</i>, ch. 4: n = n₀ / (1 + (n₀ − 1)/N), which solves z²·pq/n·(N − n)/(N − 1) = e² — exact under the
    /// normal approximation for sampling without replacement. The default.
    /// </summary>
    Cochran,

    /// <summary>Bartlett, Kotrlik &amp; Higgins (2001) "Cochran's correction": n = n₀ / (1 + n₀/N), as many calculators print it.</summary>
    Bartlett,
}
