using System.Runtime.CompilerServices;

namespace Quality.Domain.Agreement;

/// <summary>
/// The unit counts of a <see cref="RatingPatterns"/> by slot: a pattern is its digits in mixed radix R = values + 1, annotator
/// a's digit v + 1 for value number v, 0 where it gave no value, annotator 0 the lowest; so a unit costs one multiply-add
/// a pair and one increment, with no hash and no pattern kept, and two counts merge by adding slots.
/// </summary>
/// <remarks>
/// R^annotators slots, so only for few annotators and values (a ratings table of 5 coders × 10 categories has 11⁵ =
/// 161,051), and only once there are enough distinct patterns that the slots cost at most <see cref="SlotsPerPattern"/>
/// each; <see cref="RatingPatterns"/> turns the slots into its patterns (<see cref="DrainInto"/>, in slot order) when they are
/// first read. The annotators and values of the layout are those known when it was made: a unit of another is refused
/// (<see cref="TryAdd"/>) and the caller lays the counts out anew (<see cref="For"/> and <see cref="AddFrom"/>).
/// </remarks>
internal sealed class DensePatternCounts
{
    /// <summary>The most slots a layout has: 512 kB of counts.</summary>
    public const int MaxSlots = 1 << 18;

    /// <summary>The most slots a layout has for each distinct pattern it is made for.</summary>
    public const int SlotsPerPattern = 64;

    private readonly int _annotators;
    private readonly int _radix;
    private readonly int[] _strides;
    private readonly ushort[] _counts;

    /// <summary>The counts' bits above the 16 of <see cref="_counts"/>, made when one first needs them.</summary>
    private long[]? _high;

    private DensePatternCounts(int annotators, int radix, int slots)
    {
        _annotators = annotators;
        _radix = radix;
        _strides = new int[annotators];
        for (int a = 0, stride = 1; a < annotators; a++, stride *= radix)
        {
            _strides[a] = stride;
        }

        _counts = new ushort[slots];
    }

    /// <summary>Slots with a count: the distinct patterns.</summary>
    public int Distinct { get; private set; }

    /// <summary>
    /// An empty layout for annotator numbers below <paramref name="annotators"/> and value numbers below
    /// <paramref name="values"/>; null when it would take more than <see cref="MaxSlots"/>, or more than
    /// <see cref="SlotsPerPattern"/> for each of <paramref name="patterns"/> distinct patterns.
    /// </summary>
    public static DensePatternCounts? For(int annotators, int values, long patterns)
    {
        if (annotators < 1 || values < 1)
        {
            return null;
        }

        var limit = Math.Min(MaxSlots, SlotsPerPattern * Math.Max(patterns, 1));
        long slots = 1;
        for (var a = 0; a < annotators; a++)
        {
            slots *= values + 1;
            if (slots > limit)
            {
                return null;
            }
        }

        return new DensePatternCounts(annotators, values + 1, (int)slots);
    }

    /// <summary>Whether the layout holds annotator numbers below <paramref name="annotators"/> and value numbers below <paramref name="values"/>.</summary>
    public bool Holds(int annotators, int values) => annotators <= _annotators && values < _radix;

    /// <summary>Counts <paramref name="units"/> units of the unit of (annotator ≪ 32 | value) keys, annotators distinct; false, counting nothing, when one is beyond the layout.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAdd(ReadOnlySpan<long> keys, long units)
    {
        var slot = 0;
        foreach (var key in keys)
        {
            var annotator = (int)(key >> 32);
            var digit = (uint)key + 1;
            if ((uint)annotator >= (uint)_annotators || digit >= (uint)_radix)
            {
                return false;
            }

            slot += _strides[annotator] * (int)digit;
        }

        Count(slot, units);
        return true;
    }

    /// <summary>Counts <paramref name="units"/> units of a pattern (annotator, value numbers interleaved) the layout holds.</summary>
    public void Add(ReadOnlySpan<int> pairs, long units)
    {
        var slot = 0;
        for (var i = 0; i < pairs.Length; i += 2)
        {
            slot += _strides[pairs[i]] * (pairs[i + 1] + 1);
        }

        Count(slot, units);
    }

    /// <summary>
    /// Adds every count of <paramref name="other"/>, its annotator a being this layout's <paramref name="annotators"/>[a]
    /// and its value v this layout's <paramref name="values"/>[v], which the layout must hold.
    /// </summary>
    /// <remarks>Slot by slot, the digits above the lowest counted as an odometer: no division. Compiled optimised at once, as a table read in blocks merges each block's counts.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddFrom(DensePatternCounts other, ReadOnlySpan<int> annotators, ReadOnlySpan<int> values)
    {
        // to[a][d]: this layout's slot offset of other's digit d for annotator a.
        var radix = other._radix;
        var to = new int[other._annotators * radix];
        for (var a = 0; a < other._annotators; a++)
        {
            for (var d = 1; d < radix; d++)
            {
                to[(a * radix) + d] = _strides[annotators[a]] * (values[d - 1] + 1);
            }
        }

        var digits = new int[other._annotators];
        var counts = other._counts;
        var lowest = to.AsSpan(0, radix);
        for (var high = 0; high < counts.Length; high += radix)
        {
            var offset = 0;
            for (var a = 1; a < digits.Length; a++)
            {
                offset += to[(a * radix) + digits[a]];
            }

            var row = counts.AsSpan(high, radix);
            for (var d = 0; d < row.Length; d++)
            {
                if (row[d] != 0 || other._high is not null && other._high[high + d] != 0)
                {
                    Count(offset + lowest[d], other.CountOf(high + d));
                }
            }

            for (var a = 1; a < digits.Length && ++digits[a] == radix; a++)
            {
                digits[a] = 0;
            }
        }
    }

    /// <summary>
    /// Adds each pattern with a count to <paramref name="patterns"/>, which is empty, in slot order; the counts stay.
    /// </summary>
    /// <returns>The units of each pattern added, by its number in <paramref name="patterns"/>.</returns>
    public long[] DrainInto(SequenceSet<int> patterns)
    {
        var units = new long[Math.Max(16, Distinct)];
        var digits = new int[_annotators];
        var pairs = new int[2 * _annotators];
        for (var slot = 0; slot < _counts.Length; slot++)
        {
            if (_counts[slot] != 0 || _high is not null && _high[slot] != 0)
            {
                var length = 0;
                for (var a = 0; a < digits.Length; a++)
                {
                    if (digits[a] != 0)
                    {
                        pairs[length++] = a;
                        pairs[length++] = digits[a] - 1;
                    }
                }

                units[patterns.AddNew(pairs.AsSpan(0, length))] = CountOf(slot);
            }

            for (var a = 0; a < digits.Length && ++digits[a] == _radix; a++)
            {
                digits[a] = 0;
            }
        }

        return units;
    }

    /// <remarks>
    /// Counts of 16 bits, a quarter of the cache lines of 64: a unit's slot is a random place in them, and a ratings
    /// table's 11⁵ slots then take 322 kB, within a core's L2 (at 32 bits the load of the count took most of a unit's time).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Count(int slot, long units)
    {
        ref var count = ref _counts[slot];
        var sum = count + (ulong)units;
        if (count == 0 && (_high is null || _high[slot] == 0))
        {
            Distinct++;
        }

        count = (ushort)sum;
        if (sum > ushort.MaxValue)
        {
            Carry(slot, sum);
        }
    }

    private void Carry(int slot, ulong sum)
    {
        _high ??= new long[_counts.Length];
        _high[slot] += (long)(sum >> 16);
    }

    private long CountOf(int slot) => _counts[slot] + (_high is null ? 0 : _high[slot] << 16);
}
