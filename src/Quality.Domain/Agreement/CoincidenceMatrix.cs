namespace Quality.Domain.Agreement;

/// <summary>
/// Krippendorff's coincidence matrix for nominal values, kept as a mergeable sufficient statistic.
/// </summary>
/// <remarks>
/// <para>
/// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": a unit u with m_u ≥ 2 pairable values
/// contributes n_uc·(n_uk − [c = k]) / (m_u − 1) to o_ck; units with fewer than two values are left out.
/// </para>
/// <para>
/// To merge exactly and in any order, the integer pair counts P_m[c,k] = Σ_u n_uc·(n_uk − [c = k]) are kept per
/// number of pairable values m; o_ck = Σ_m P_m[c,k] / (m − 1) is formed only when a figure is asked for, always
/// in the same order. Merging shards is therefore integer addition: associative, commutative and lossless.
/// Memory grows with (distinct m) × (distinct value pairs that co-occur), never with the number of units.
/// </para>
/// </remarks>
public sealed class CoincidenceMatrix
{
    private readonly SortedDictionary<int, PairCounts> _byPairableCount = [];

    /// <summary>Units with at least two pairable values.</summary>
    public long Units => _byPairableCount.Values.Sum(p => p.Units);

    /// <summary>n: the number of pairable values, Σ_u m_u over the units that count.</summary>
    public long PairableValues => _byPairableCount.Sum(p => p.Key * p.Value.Units);

    /// <summary>Adds one unit: the values its coders gave (missing values simply absent).</summary>
    public void AddUnit(IReadOnlyCollection<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var m = values.Count;
        if (m < 2)
        {
            return;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }

        var pairs = PairsFor(m);
        pairs.Units++;
        foreach (var (c, nc) in counts)
        {
            foreach (var (k, nk) in counts)
            {
                var count = (long)nc * (c == k ? nk - 1 : nk);
                if (count > 0)
                {
                    pairs.Add(c, k, count);
                }
            }
        }
    }

    /// <summary>Adds another matrix into this one (shard partials into the batch).</summary>
    public void Merge(CoincidenceMatrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (m, theirs) in other._byPairableCount)
        {
            var mine = PairsFor(m);
            mine.Units += theirs.Units;
            foreach (var ((c, k), count) in theirs.Counts)
            {
                mine.Add(c, k, count);
            }
        }
    }

    /// <summary>
    /// Krippendorff's alpha for nominal data: α = 1 − (n − 1)·(n − Σ_c o_cc) / (n² − Σ_c n_c²).
    /// </summary>
    /// <returns>NaN when undefined: no pairable values, or a single value used throughout (no variation, D_e = 0).</returns>
    public double KrippendorffAlphaNominal()
    {
        var (n, diagonal, marginals) = Coincidences();
        var expected = n * n - marginals.Values.Sum(nc => nc * nc);
        return n == 0 || expected <= 0 ? double.NaN : 1 - (n - 1) * (n - diagonal) / expected;
    }

    /// <summary>
    /// Percent agreement as the mean over pairable units of the share of agreeing coder pairs,
    /// p_a = (1/U) Σ_u Σ_c n_uc(n_uc − 1) / (m_u(m_u − 1)) (Gwet 2014; irrCAC <c>pa.coeff.raw</c>).
    /// </summary>
    /// <returns>NaN when no unit has two values.</returns>
    public double PercentAgreement()
    {
        double agreeing = 0;
        long units = 0;
        foreach (var (m, pairs) in _byPairableCount)
        {
            long diagonal = 0;
            foreach (var ((c, k), count) in pairs.Counts)
            {
                if (c == k)
                {
                    diagonal += count;
                }
            }

            agreeing += diagonal / ((double)m * (m - 1));
            units += pairs.Units;
        }

        return units == 0 ? double.NaN : agreeing / units;
    }

    /// <summary>The state to persist a partial; <see cref="FromState"/> restores it exactly.</summary>
    public CoincidenceState ToState() => new(_byPairableCount
        .Select(p => new CoincidenceGroup(p.Key, p.Value.Units, p.Value.Counts
            .OrderBy(e => e.Key.C, StringComparer.Ordinal).ThenBy(e => e.Key.K, StringComparer.Ordinal)
            .Select(e => new CoincidencePair(e.Key.C, e.Key.K, e.Value)).ToList()))
        .ToList());

    public static CoincidenceMatrix FromState(CoincidenceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var matrix = new CoincidenceMatrix();
        foreach (var group in state.Groups)
        {
            if (group.PairableValues < 2 || group.Units < 0)
            {
                throw new ArgumentException($"invalid coincidence group m={group.PairableValues}, units={group.Units}", nameof(state));
            }

            var pairs = matrix.PairsFor(group.PairableValues);
            pairs.Units += group.Units;
            foreach (var pair in group.Pairs)
            {
                pairs.Add(pair.C, pair.K, pair.Count);
            }
        }

        return matrix;
    }

    /// <summary>n, Σ_c o_cc and n_c, summed in a fixed order so every merge order gives the same bits.</summary>
    private (double N, double Diagonal, SortedDictionary<string, double> Marginals) Coincidences()
    {
        var marginals = new SortedDictionary<string, double>(StringComparer.Ordinal);
        double diagonal = 0;
        foreach (var (m, pairs) in _byPairableCount)
        {
            foreach (var ((c, k), count) in pairs.Counts.OrderBy(e => e.Key.C, StringComparer.Ordinal).ThenBy(e => e.Key.K, StringComparer.Ordinal))
            {
                var o = count / (double)(m - 1);
                marginals[c] = marginals.GetValueOrDefault(c) + o;
                if (c == k)
                {
                    diagonal += o;
                }
            }
        }

        return (PairableValues, diagonal, marginals);
    }

    private PairCounts PairsFor(int m)
    {
        if (!_byPairableCount.TryGetValue(m, out var pairs))
        {
            pairs = new PairCounts();
            _byPairableCount[m] = pairs;
        }

        return pairs;
    }

    private sealed class PairCounts
    {
        public long Units { get; set; }

        public Dictionary<(string C, string K), long> Counts { get; } = [];

        public void Add(string c, string k, long count) =>
            Counts[(c, k)] = Counts.GetValueOrDefault((c, k)) + count;
    }
}
