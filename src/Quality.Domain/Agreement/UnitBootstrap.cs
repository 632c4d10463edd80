namespace Quality.Domain.Agreement;

/// <summary>
/// Nonparametric bootstrap over units kept as patterns: a replicate draws as many units as there are, with
/// replacement, each unit equally likely, and records how many of the draws fell on each pattern — a multinomial draw
/// of the pattern counts with probabilities multiplicity/total.
/// </summary>
internal sealed class UnitBootstrap
{
    private readonly long[] _cumulative;
    private readonly long _total;
    private readonly bool _oneUnitEach;

    public UnitBootstrap(ReadOnlySpan<long> multiplicities)
    {
        _cumulative = new long[multiplicities.Length];
        long total = 0;
        for (var p = 0; p < multiplicities.Length; p++)
        {
            total += multiplicities[p];
            _cumulative[p] = total;
        }

        _total = total;
        _oneUnitEach = total == multiplicities.Length;
    }

    /// <summary>Fills <paramref name="counts"/> with one replicate's units per pattern. O(units · log patterns).</summary>
    public void Draw(Random random, long[] counts)
    {
        Array.Clear(counts);
        var small = _total <= int.MaxValue;
        for (long draw = 0; draw < _total; draw++)
        {
            var unit = small ? random.Next((int)_total) : random.NextInt64(_total);
            counts[_oneUnitEach ? (int)unit : PatternOf(unit)]++;
        }
    }

    /// <summary>The first pattern whose cumulative count exceeds <paramref name="unit"/>.</summary>
    private int PatternOf(long unit)
    {
        int low = 0, high = _cumulative.Length - 1;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_cumulative[mid] > unit)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }
}
