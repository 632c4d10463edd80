namespace Quality.Domain.Sampling;

/// <summary>Draws n items of one stratum, with probability proportional to weight, from the items' seeded uniform numbers.</summary>
/// <remarks>
/// Ohlsson (1998), "Sequential Poisson sampling", <i>J. Official Statistics</i> 14(2):149–162: target inclusion
/// probabilities λ_i = n·w_i/Σw (items with λ ≥ 1 are taken with certainty and λ recomputed for the rest), keys
/// ξ_i = u_i/λ_i, and the n smallest keys are drawn. π_i ≈ λ_i (exact for equal weights, where this is simple random
/// sampling without replacement: the n smallest u, π = n/N). Ties are broken by ordinal item id.
/// </remarks>
internal static class SequentialPoissonSampling
{
    public static IEnumerable<SampledItem> Draw(IReadOnlyList<SampleItem> stratum, int n, string seed, bool weighted)
    {
        if (n == 0)
        {
            return [];
        }

        var weights = stratum.Select(item => weighted ? item.Weight : 1.0).ToArray();
        var lambda = TargetProbabilities(weights, n);
        return Enumerable.Range(0, stratum.Count)
            .Select(i => (Index: i, Key: lambda[i] >= 1 ? 0 : SelectionKey.Uniform(seed, stratum[i].ItemId) / lambda[i]))
            .OrderBy(k => k.Key).ThenBy(k => stratum[k.Index].ItemId, StringComparer.Ordinal)
            .Take(n)
            .Select(k => new SampledItem(stratum[k.Index].ItemId, stratum[k.Index].Stratum, lambda[k.Index]));
    }

    /// <summary>
    /// λ of every item of a stratum of <paramref name="population"/> equal weights, <paramref name="n"/> drawn: what
    /// <see cref="TargetProbabilities"/> returns for them, bit for bit (n·1/N, whose sum of ones is exact; 1 if n ≥ N).
    /// </summary>
    internal static double EqualProbability(int n, int population)
    {
        var lambda = n * 1.0 / population;
        return lambda >= 1 ? 1 : lambda;
    }

    /// <summary>λ_i = min(1, m·w_i/Σw over the items not yet certain), iterated until no item exceeds 1.</summary>
    internal static double[] TargetProbabilities(double[] weights, int n)
    {
        var lambda = new double[weights.Length];
        var certain = new bool[weights.Length];
        while (true)
        {
            // Summed in index order, as before, so λ keeps its last bit.
            var remaining = n;
            var sum = 0.0;
            for (var i = 0; i < weights.Length; i++)
            {
                if (certain[i])
                {
                    remaining--;
                }
                else
                {
                    sum += weights[i];
                }
            }

            var changed = false;
            for (var i = 0; i < weights.Length; i++)
            {
                lambda[i] = certain[i] ? 1 : remaining * weights[i] / sum;
                if (!certain[i] && lambda[i] >= 1)
                {
                    certain[i] = changed = true;
                    lambda[i] = 1;
                }
            }

            if (!changed)
            {
                return lambda;
            }
        }
    }
}
