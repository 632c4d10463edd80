using System.Runtime.CompilerServices;

namespace Quality.Domain.Agreement;

/// <summary>
/// The units with at least two values, coded as points of a <see cref="ValueScale"/>: per distinct multiset of points,
/// its distinct points with their counts, and the number of units with it. Flat arrays, canonical order.
/// </summary>
/// <remarks>
/// Every figure is summed group by group in canonical order and point by point in ascending order, so the same
/// patterns give the same bits whatever order they were added or merged in. Weights other than the multiplicities
/// (a bootstrap replicate) are passed to <see cref="Alpha(long[])"/>.
/// </remarks>
internal sealed partial class PairableUnits
{
    private readonly ValueScale _scale;
    private readonly int[] _start;
    private readonly int[] _points;
    private readonly long[] _counts;
    private readonly long[] _multiplicities;
    private readonly long[] _values;
    private readonly double[] _scaleCoordinates;

    /// <summary>
    /// Per pattern, 1/(m − 1) where m − 1 is a power of two (dividing by it only scales, so multiplying gives the same
    /// double, without a division per replicate); 0 where a term must be divided.
    /// </summary>
    private readonly double[] _exactInverses;

    /// <summary>
    /// Every weight times every entry's 2·n_uc·(m_u − n_uc) (a unit's disagreement on its point, as
    /// <see cref="CategoryAlphas"/> forms it) is an integer below 2⁵³, the weights of a replicate summing to the units:
    /// the products are exact in doubles in any order, so <see cref="ReplicateFigures"/> may form them as integers.
    /// </summary>
    private readonly bool _exactTerms;

    /// <summary>
    /// The entries point by point, each point's in pattern order (so each sum keeps its order): where
    /// <see cref="ReplicateFigures"/> sums a point's marginal and disagreement in registers, without a branch.
    /// </summary>
    private readonly PointEntries _byPoint;
    private double[]? _fixedUnitDisagreements;

    private PairableUnits(ValueScale scale, int[] start, int[] points, long[] counts, long[] multiplicities)
    {
        _scale = scale;
        _start = start;
        _points = points;
        _counts = counts;
        _multiplicities = multiplicities;
        _values = new long[multiplicities.Length];
        for (var p = 0; p < _values.Length; p++)
        {
            for (var e = start[p]; e < start[p + 1]; e++)
            {
                _values[p] += counts[e];
            }
        }

        _scaleCoordinates = scale.Coordinates.ToArray();
        _exactInverses = [.. _values.Select(m => long.IsPow2(m - 1) ? 1.0 / (m - 1) : 0)];
        var pairTerms = new long[counts.Length];
        long units = 0, largest = 0;
        for (var p = 0; p < _values.Length; p++)
        {
            units += multiplicities[p];
            for (var e = start[p]; e < start[p + 1]; e++)
            {
                pairTerms[e] = 2 * counts[e] * (_values[p] - counts[e]);
                largest = Math.Max(largest, pairTerms[e]);
            }
        }

        _exactTerms = largest == 0 || units < (1L << 53) / largest;
        _byPoint = new PointEntries(scale.Coordinates.Count, start, points, counts, pairTerms, _values);
    }

    /// <summary>
    /// <see cref="ReplicateFigures"/> gives a replicate's figures: the unit terms do not depend on the replicate's
    /// marginals (not ordinal), and the category terms are exact or not wanted.
    /// </summary>
    internal bool FusesReplicates(bool perCategory) => _scale.Level != MeasurementLevel.Ordinal && (_exactTerms || !perCategory);

    /// <summary>Units per group of pairable units, in canonical order.</summary>
    public ReadOnlySpan<long> Multiplicities => _multiplicities;

    /// <summary>
    /// The units of <paramref name="ratings"/> with two or more values (leaving out <paramref name="excludedAnnotator"/>'s,
    /// if given), grouped by their multiset of points: alpha does not depend on who gave which value.
    /// </summary>
    /// <remarks>
    /// Units with the same sorted points collapse into one group with the summed (integer) unit count, and the groups
    /// are put in lexicographic order of their points: an order fixed by the scale alone, so any interning, insertion
    /// or merge order gives the same arrays.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PairableUnits From(RatingPatterns ratings, ValueScale scale, int excludedAnnotator = -1)
    {
        var groups = new SequenceSet<int>();
        var units = new long[16];
        var scratch = new int[16];
        for (var p = 0; p < ratings.DistinctPatterns; p++)
        {
            var pattern = ratings.Pattern(p);
            if (scratch.Length < pattern.Length / 2)
            {
                scratch = new int[pattern.Length];
            }

            var m = 0;
            for (var i = 0; i < pattern.Length; i += 2)
            {
                if (pattern[i] != excludedAnnotator)
                {
                    scratch[m++] = scale.PointOf(pattern[i + 1]);
                }
            }

            if (m < 2)
            {
                continue;
            }

            var points = scratch.AsSpan(0, m);
            SmallSort.Sort(points);
            _ = AddUnits(groups, ref units, points, ratings.UnitsOf(p));
        }

        return Runs(scale, groups, units);
    }

    /// <summary>Adds <paramref name="count"/> units to the group of <paramref name="points"/> (sorted), a new group if need be; its number.</summary>
    /// <param name="units">Units per group, by group number, grown with the groups.</param>
    internal static int AddUnits(SequenceSet<int> groups, ref long[] units, ReadOnlySpan<int> points, long count)
    {
        var group = groups.Add(points);
        if (group == units.Length)
        {
            Array.Resize(ref units, 2 * units.Length);
        }

        units[group] += count;
        return group;
    }

    /// <summary>The groups in lexicographic order, each as runs of (distinct point, count).</summary>
    /// <param name="units">Units per group, by group number; a group's units are above 0.</param>
    internal static PairableUnits Runs(ValueScale scale, SequenceSet<int> groups, long[] units)
    {
        var order = groups.LexicographicOrder();
        var start = new int[order.Length + 1];
        var points = new List<int>(2 * order.Length);
        var counts = new List<long>(2 * order.Length);
        var multiplicities = new long[order.Length];
        for (var g = 0; g < order.Length; g++)
        {
            var sorted = groups[order[g]];
            for (var i = 0; i < sorted.Length; i++)
            {
                if (i == 0 || sorted[i] != sorted[i - 1])
                {
                    points.Add(sorted[i]);
                    counts.Add(0);
                }

                counts[^1]++;
            }

            start[g + 1] = points.Count;
            multiplicities[g] = units[order[g]];
        }

        return new PairableUnits(scale, start, points.ToArray(), counts.ToArray(), multiplicities);
    }

    public KrippendorffAlphaResult Alpha() => Alpha(_multiplicities);

    /// <summary>Alpha with <paramref name="weights"/>[p] units of pattern p.</summary>
    /// <remarks>α = 1 − (n − 1)·Σ_u Σ_{i≠j} δ²(v_ui, v_uj)/(m_u − 1) / Σ_{c,k} n_c n_k δ²_ck (Krippendorff 2011).</remarks>
    public KrippendorffAlphaResult Alpha(long[] weights) => Alpha(weights, Marginals(weights, out var pairableUnits, out var n), pairableUnits, n);

    /// <summary>Alpha with <paramref name="weights"/>[p] units of pattern p, whose <see cref="Marginals"/> are given.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private KrippendorffAlphaResult Alpha(long[] weights, long[] marginals, long pairableUnits, long n)
    {
        var unitTerms = _scale.Level == MeasurementLevel.Ordinal ? UnitDisagreements(Coordinates(marginals)) : FixedUnitDisagreements();
        double observed = 0;
        for (var p = 0; p < weights.Length; p++)
        {
            if (weights[p] != 0)
            {
                observed += weights[p] * unitTerms[p];
            }
        }

        return Alpha(marginals, pairableUnits, n, observed);
    }

    /// <summary>Alpha from the marginals and the observed disagreement Σ_p weight_p·(unit term)_p.</summary>
    private KrippendorffAlphaResult Alpha(long[] marginals, long pairableUnits, long n, double observed)
    {
        var active = Enumerable.Range(0, marginals.Length).Where(c => marginals[c] > 0).ToArray();
        if (active.Length < 2)
        {
            return new KrippendorffAlphaResult(double.NaN, pairableUnits, n, double.NaN, double.NaN);
        }

        var expected = PairedDisagreement(active, active.Select(c => marginals[c]).ToArray(), 0, active.Length, n, Coordinates(marginals));
        return new KrippendorffAlphaResult(
            1 - (n - 1) * observed / expected,
            pairableUnits,
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
        var (alpha, specific, marginals) = CategoryFigures(_multiplicities, Marginals(_multiplicities, out _, out var n), n);
        return marginals.Select((nc, c) => new CategoryAgreement(_scale.Labels[c], nc, alpha[c], specific[c])).ToList();
    }

    /// <summary>
    /// Per point, one-versus-rest alpha, specific agreement and n_c with <paramref name="weights"/>[p] units of pattern p,
    /// whose <see cref="Marginals"/> and n are given.
    /// </summary>
    private (double[] Alpha, double[] Specific, long[] Marginals) CategoryFigures(long[] weights, long[] marginals, long n)
    {
        var agreeing = new double[marginals.Length];
        for (var p = 0; p < weights.Length; p++)
        {
            if (weights[p] == 0)
            {
                continue;
            }

            var m = _values[p];
            for (var e = _start[p]; e < _start[p + 1]; e++)
            {
                var nuc = _counts[e];
                agreeing[_points[e]] += weights[p] * (double)nuc * (nuc - 1) / (m - 1);
            }
        }

        var specific = marginals.Select((nc, c) => nc == 0 ? double.NaN : agreeing[c] / nc).ToArray();
        return (CategoryAlphas(weights, marginals, n), specific, marginals);
    }

    /// <summary>
    /// Per point, one-versus-rest alpha with <paramref name="weights"/>[p] units of pattern p, whose <see cref="Marginals"/>
    /// and n are given: all a bootstrap replicate needs of <see cref="CategoryFigures"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double[] CategoryAlphas(long[] weights, long[] marginals, long n)
    {
        var disagreeing = new double[marginals.Length];
        for (var p = 0; p < weights.Length; p++)
        {
            if (weights[p] == 0)
            {
                continue;
            }

            var (m, scale) = (_values[p], _exactInverses[p]);
            for (var e = _start[p]; e < _start[p + 1]; e++)
            {
                var nuc = _counts[e];
                var term = weights[p] * 2.0 * nuc * (m - nuc);
                disagreeing[_points[e]] += scale != 0 ? term * scale : term / (m - 1);
            }
        }

        var alpha = new double[marginals.Length];
        OneVersusRest(marginals, disagreeing, n, alpha);
        return alpha;
    }

    /// <summary>Per point c, 1 − (n − 1)·D_c / (2·n_c·(n − n_c)) from its summed disagreement D_c; NaN where n_c is 0 or n.</summary>
    private static void OneVersusRest(long[] marginals, double[] disagreeing, long n, double[] alpha)
    {
        for (var c = 0; c < alpha.Length; c++)
        {
            var nc = marginals[c];
            alpha[c] = nc == 0 || nc == n ? double.NaN : 1 - (n - 1) * disagreeing[c] / (2.0 * nc * (n - nc));
        }
    }

    /// <summary>Interval, ratio and nominal δ² do not depend on the marginals: each unit's term is computed once.</summary>
    private double[] FixedUnitDisagreements() => _fixedUnitDisagreements ??= UnitDisagreements(_scaleCoordinates);

    /// <summary>Per pattern, Σ_{i≠j} δ²(v_ui, v_uj)/(m_u − 1).</summary>
    private double[] UnitDisagreements(double[] coordinates)
    {
        var terms = new double[_multiplicities.Length];
        for (var p = 0; p < terms.Length; p++)
        {
            terms[p] = PairedDisagreement(_points, _counts, _start[p], _start[p + 1], _values[p], coordinates) / (_values[p] - 1);
        }

        return terms;
    }

    /// <summary>n_c per point, the units that count and n = Σ_c n_c.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long[] Marginals(long[] weights, out long units, out long n)
    {
        var marginals = new long[_scale.Coordinates.Count];
        units = 0;
        n = 0;
        for (var p = 0; p < weights.Length; p++)
        {
            units += weights[p];
            n += weights[p] * _values[p];
            for (var e = _start[p]; e < _start[p + 1]; e++)
            {
                marginals[_points[e]] += weights[p] * _counts[e];
            }
        }

        return marginals;
    }

    /// <summary>
    /// The coordinate δ² is measured on: the number (interval, ratio), or the mid-rank r_c = Σ_{g&lt;c} n_g + n_c/2
    /// (ordinal: Σ_{g=c..k} n_g − (n_c + n_k)/2 = r_k − r_c), or the point index (nominal, unused).
    /// </summary>
    private double[] Coordinates(long[] marginals)
    {
        if (_scale.Level != MeasurementLevel.Ordinal)
        {
            return _scaleCoordinates;
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
    private double PairedDisagreement(int[] points, long[] counts, int from, int to, long m, double[] x)
    {
        if (to - from < 2)
        {
            return 0;
        }

        switch (_scale.Level)
        {
            case MeasurementLevel.Nominal:
                long same = 0;
                for (var i = from; i < to; i++)
                {
                    same += counts[i] * counts[i];
                }

                return (double)m * m - same;
            case MeasurementLevel.Ratio:
                double pairs = 0;
                for (var i = from; i < to; i++)
                {
                    for (var j = i + 1; j < to; j++)
                    {
                        pairs += 2.0 * counts[i] * counts[j] * RatioDelta2(x[points[i]], x[points[j]]);
                    }
                }

                return pairs;
            default:
                double total = 0;
                for (var i = from; i < to; i++)
                {
                    total += counts[i] * x[points[i]];
                }

                var mean = total / m;
                double squares = 0;
                for (var i = from; i < to; i++)
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
}
