namespace Quality.Domain.Agreement;

/// <summary>
/// The units with at least two values, coded as points of a <see cref="ValueScale"/>: per distinct pattern, its
/// distinct points with their counts, and the number of units with that pattern. Flat arrays, canonical order.
/// </summary>
/// <remarks>
/// Every figure is summed pattern by pattern in canonical order and point by point in ascending order, so the same
/// patterns give the same bits whatever order they were added or merged in. Weights other than the multiplicities
/// (a bootstrap replicate) are passed to <see cref="Alpha(ReadOnlySpan{long})"/>.
/// </remarks>
internal sealed class PairableUnits
{
    private readonly ValueScale _scale;
    private readonly int[] _start;
    private readonly int[] _points;
    private readonly long[] _counts;
    private readonly long[] _multiplicities;

    private PairableUnits(ValueScale scale, int[] start, int[] points, long[] counts, long[] multiplicities)
    {
        _scale = scale;
        _start = start;
        _points = points;
        _counts = counts;
        _multiplicities = multiplicities;
    }

    /// <summary>Units per pairable pattern, in canonical order.</summary>
    public ReadOnlySpan<long> Multiplicities => _multiplicities;

    public static PairableUnits From(RatingPatterns ratings, ValueScale scale)
    {
        var start = new List<int> { 0 };
        var points = new List<int>();
        var counts = new List<long>();
        var multiplicities = new List<long>();
        foreach (var (pattern, units) in ratings.Sorted())
        {
            if (pattern.Ratings.Count < 2)
            {
                continue;
            }

            foreach (var group in pattern.Ratings.GroupBy(r => scale.PointOf(r.Value)).OrderBy(g => g.Key))
            {
                points.Add(group.Key);
                counts.Add(group.Count());
            }

            start.Add(points.Count);
            multiplicities.Add(units);
        }

        return new PairableUnits(scale, start.ToArray(), points.ToArray(), counts.ToArray(), multiplicities.ToArray());
    }

    public KrippendorffAlphaResult Alpha() => Alpha(_multiplicities);

    /// <summary>Alpha with <paramref name="weights"/>[p] units of pattern p.</summary>
    /// <remarks>α = 1 − (n − 1)·Σ_u Σ_{i≠j} δ²(v_ui, v_uj)/(m_u − 1) / Σ_{c,k} n_c n_k δ²_ck (Krippendorff 2011).</remarks>
    public KrippendorffAlphaResult Alpha(ReadOnlySpan<long> weights)
    {
        var marginals = Marginals(weights, out var units, out var n);
        var active = Enumerable.Range(0, marginals.Length).Where(c => marginals[c] > 0).ToArray();
        if (active.Length < 2)
        {
            return new KrippendorffAlphaResult(double.NaN, units, n, double.NaN, double.NaN);
        }

        var coordinates = Coordinates(marginals);
        var expected = PairedDisagreement(active, active.Select(c => marginals[c]).ToArray(), coordinates);
        double observed = 0;
        for (var p = 0; p < weights.Length; p++)
        {
            if (weights[p] == 0)
            {
                continue;
            }

            var range = _start[p].._start[p + 1];
            var m = Sum(_counts.AsSpan(range));
            observed += weights[p] * PairedDisagreement(_points.AsSpan(range), _counts.AsSpan(range), coordinates) / (m - 1);
        }

        return new KrippendorffAlphaResult(
            1 - (n - 1) * observed / expected,
            units,
            n,
            observed / n,
            expected / ((double)n * (n - 1)));
    }

    /// <summary>
    /// Per point c, one-versus-rest alpha (nominal, values mapped to c / not c) and specific agreement
    /// Σ_u n_uc(n_uc − 1)/(m_u − 1) / n_c.
    /// </summary>
    public IReadOnlyList<CategoryAgreement> PerCategory()
    {
        var marginals = Marginals(_multiplicities, out _, out var n);
        var disagreeing = new double[marginals.Length];
        var agreeing = new double[marginals.Length];
        for (var p = 0; p < _multiplicities.Length; p++)
        {
            var range = _start[p].._start[p + 1];
            var m = Sum(_counts.AsSpan(range));
            for (var e = range.Start.Value; e < range.End.Value; e++)
            {
                var nuc = _counts[e];
                disagreeing[_points[e]] += _multiplicities[p] * 2.0 * nuc * (m - nuc) / (m - 1);
                agreeing[_points[e]] += _multiplicities[p] * (double)nuc * (nuc - 1) / (m - 1);
            }
        }

        return marginals.Select((nc, c) => new CategoryAgreement(
                _scale.Labels[c],
                nc,
                nc == 0 || nc == n ? double.NaN : 1 - (n - 1) * disagreeing[c] / (2.0 * nc * (n - nc)),
                nc == 0 ? double.NaN : agreeing[c] / nc))
            .ToList();
    }

    /// <summary>n_c per point, the units that count and n = Σ_c n_c.</summary>
    private long[] Marginals(ReadOnlySpan<long> weights, out long units, out long n)
    {
        var marginals = new long[_scale.Coordinates.Count];
        units = 0;
        n = 0;
        for (var p = 0; p < weights.Length; p++)
        {
            units += weights[p];
            for (var e = _start[p]; e < _start[p + 1]; e++)
            {
                marginals[_points[e]] += weights[p] * _counts[e];
                n += weights[p] * _counts[e];
            }
        }

        return marginals;
    }

    /// <summary>
    /// The coordinate δ² is measured on: the number (interval, ratio), or the mid-rank r_c = Σ_{g&lt;c} n_g + n_c/2
    /// (ordinal: Σ_{g=c..k} n_g − (n_c + n_k)/2 = r_k − r_c), or the point index (nominal, unused).
    /// </summary>
    private IReadOnlyList<double> Coordinates(long[] marginals)
    {
        if (_scale.Level != MeasurementLevel.Ordinal)
        {
            return _scale.Coordinates;
        }

        var ranks = new double[marginals.Length];
        long below = 0;
        for (var c = 0; c < marginals.Length; c++)
        {
            ranks[c] = below + marginals[c] / 2.0;
            below += marginals[c];
        }

        return ranks;
    }

    /// <summary>
    /// Σ_{i≠j} δ²(v_i, v_j) over a multiset of values given as ascending distinct points and their counts: applied to a
    /// unit it is the unit's observed disagreement (before dividing by m_u − 1), applied to the marginals n_c it is
    /// Σ_{c,k} n_c n_k δ²_ck. Interval and ordinal use 2m·Σ n_c (x_c − x̄)², O(points); ratio sums pairs, O(points²).
    /// </summary>
    private double PairedDisagreement(ReadOnlySpan<int> points, ReadOnlySpan<long> counts, IReadOnlyList<double> x)
    {
        if (points.Length < 2)
        {
            return 0;
        }

        var m = Sum(counts);
        switch (_scale.Level)
        {
            case MeasurementLevel.Nominal:
                long same = 0;
                foreach (var count in counts)
                {
                    same += count * count;
                }

                return (double)m * m - same;
            case MeasurementLevel.Ratio:
                double pairs = 0;
                for (var i = 0; i < points.Length; i++)
                {
                    for (var j = i + 1; j < points.Length; j++)
                    {
                        pairs += 2.0 * counts[i] * counts[j] * RatioDelta2(x[points[i]], x[points[j]]);
                    }
                }

                return pairs;
            default:
                double total = 0;
                for (var i = 0; i < points.Length; i++)
                {
                    total += counts[i] * x[points[i]];
                }

                var mean = total / m;
                double squares = 0;
                for (var i = 0; i < points.Length; i++)
                {
                    var deviation = x[points[i]] - mean;
                    squares += counts[i] * deviation * deviation;
                }

                return 2.0 * m * squares;
        }
    }

    /// <summary>((c − k)/(c + k))², with δ²(0, 0) = 0 (values are ≥ 0, so c + k = 0 only there).</summary>
    private static double RatioDelta2(double c, double k)
    {
        var sum = c + k;
        if (sum == 0)
        {
            return 0;
        }

        var ratio = (c - k) / sum;
        return ratio * ratio;
    }

    private static long Sum(ReadOnlySpan<long> counts)
    {
        long sum = 0;
        foreach (var count in counts)
        {
            sum += count;
        }

        return sum;
    }
}
