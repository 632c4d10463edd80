using System.Runtime.CompilerServices;

namespace Quality.Domain.Agreement;

/// <summary>
/// Every rating pattern's multiset of points, decoded and sorted once: the <see cref="PairableUnits"/> of all annotators
/// (<see cref="All"/>) and of the units with one annotator left out (<see cref="Without"/>), without decoding, sorting
/// and hashing every pattern again per annotator.
/// </summary>
/// <remarks>
/// A pattern's values without annotator a are its multiset of points less a's point, or the whole multiset when a gave
/// none. So the groups without a are the distinct multisets of two or more points, each taken whole (its units where a
/// gave no value) or less one of its points (its units where a gave that point): a few thousand multisets where there
/// are tens of thousands of patterns. Units are summed as integers, in any order, and <see cref="PairableUnits"/> puts
/// the groups in lexicographic order of their points, so every figure has the bits of
/// <see cref="PairableUnits.From(RatingPatterns, ValueScale, int)"/> with that annotator excluded.
/// </remarks>
internal sealed class UnitMultisets
{
    private readonly RatingPatterns _ratings;
    private readonly ValueScale _scale;

    /// <summary>The distinct sorted multisets of the patterns with two or more values.</summary>
    private readonly SequenceSet<int> _multisets = new();

    /// <summary>Units per multiset.</summary>
    private readonly long[] _units;

    /// <summary>Per pattern, its multiset's number; −1 with fewer than two values.</summary>
    private readonly int[] _multisetOf;

    /// <summary>Per multiset, where its points start when all multisets' points are laid end to end; the total last.</summary>
    private readonly int[] _entryStart;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public UnitMultisets(RatingPatterns ratings, ValueScale scale)
    {
        _ratings = ratings;
        _scale = scale;
        _multisetOf = new int[ratings.DistinctPatterns];
        var units = new long[16];
        var scratch = new int[16];
        for (var p = 0; p < _multisetOf.Length; p++)
        {
            var pattern = ratings.Pattern(p);
            var m = pattern.Length / 2;
            if (m < 2)
            {
                _multisetOf[p] = -1;
                continue;
            }

            if (scratch.Length < m)
            {
                scratch = new int[pattern.Length];
            }

            for (var i = 0; i < m; i++)
            {
                scratch[i] = scale.PointOf(pattern[(2 * i) + 1]);
            }

            var points = scratch.AsSpan(0, m);
            SmallSort.Sort(points);
            _multisetOf[p] = PairableUnits.AddUnits(_multisets, ref units, points, ratings.UnitsOf(p));
        }

        _units = units;
        _entryStart = new int[_multisets.Count + 1];
        for (var g = 0; g < _multisets.Count; g++)
        {
            _entryStart[g + 1] = _entryStart[g] + _multisets[g].Length;
        }
    }

    /// <summary>The units of every annotator: <see cref="PairableUnits.From(RatingPatterns, ValueScale, int)"/>.</summary>
    public PairableUnits All() => PairableUnits.Runs(_scale, _multisets, _units);

    /// <summary>The units without <paramref name="annotator"/>'s values: <see cref="PairableUnits.From(RatingPatterns, ValueScale, int)"/> excluding them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PairableUnits Without(int annotator)
    {
        // Per entry of a multiset (the first of equal points), the units where the annotator gave that point.
        var removed = new long[_entryStart[^1]];
        for (var p = 0; p < _multisetOf.Length; p++)
        {
            var multiset = _multisetOf[p];
            if (multiset < 0)
            {
                continue;
            }

            var pattern = _ratings.Pattern(p);
            for (var i = 0; i < pattern.Length && pattern[i] <= annotator; i += 2)
            {
                if (pattern[i] == annotator)
                {
                    var at = _multisets[multiset].IndexOf(_scale.PointOf(pattern[i + 1]));
                    removed[_entryStart[multiset] + at] += _ratings.UnitsOf(p);
                    break;
                }
            }
        }

        var groups = new SequenceSet<int>();
        var units = new long[16];
        var scratch = new int[16];
        void Add(ReadOnlySpan<int> points, long count) => _ = PairableUnits.AddUnits(groups, ref units, points, count);

        for (var g = 0; g < _multisets.Count; g++)
        {
            var points = _multisets[g];
            long present = 0;
            for (var at = 0; at < points.Length; at++)
            {
                var count = removed[_entryStart[g] + at];
                if (count == 0)
                {
                    continue;
                }

                present += count;
                if (points.Length > 2)
                {
                    if (scratch.Length < points.Length)
                    {
                        scratch = new int[points.Length];
                    }

                    points[..at].CopyTo(scratch);
                    points[(at + 1)..].CopyTo(scratch.AsSpan(at));
                    Add(scratch.AsSpan(0, points.Length - 1), count);
                }
            }

            if (_units[g] > present)
            {
                Add(points, _units[g] - present);
            }
        }

        return PairableUnits.Runs(_scale, groups, units);
    }
}
