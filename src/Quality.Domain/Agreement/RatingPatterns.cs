using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Quality.Domain.Agreement;

/// <summary>
/// The ratings of one field as a mergeable sufficient statistic: each distinct unit pattern (its sorted
/// annotator → value pairs, missing values absent) with the number of units that had it.
/// </summary>
/// <remarks>
/// <para>
/// Every statistic of <see cref="KrippendorffAlpha"/> (point estimate, bootstrap over units, per category, per annotator)
/// depends on the units only through their patterns, so nothing else is kept. Counts are integers: <see cref="Merge"/>
/// is exact, associative and commutative, and the statistics sum in an order fixed by the distinct values and
/// annotators alone, so any split into shards merged in any order gives bit-identical figures.
/// </para>
/// <para>
/// Annotators and values are interned to ints in first-seen order; a pattern is the int sequence of its
/// (annotator, value) pairs sorted by annotator number, kept once in a flat <see cref="SequenceSet{T}"/>, and found by
/// <see cref="PackedPatterns"/> (the pattern as one 64-bit integer) while the annotators and values are few enough for
/// that, as they are in a ratings table (5 coders × 10 categories take 20 bits), so that most units are counted without
/// a sort or a hash of their pairs. Once the distinct patterns are many for the slots of a layout by (annotator,
/// value) digits, they are counted by slot instead (<see cref="DensePatternCounts"/>: one increment a unit, and a merge of
/// two such counts adds slots), and turned back into patterns, numbered in slot order, when they are first read. The persisted
/// form (<see cref="ToState"/>) stays in strings and in canonical order, so it does not depend on the interning order.
/// Units with a single value are kept (they count among <see cref="Units"/> and an annotator's values) although alpha
/// leaves them out. Memory grows with the distinct patterns and values, never with the number of units.
/// </para>
/// </remarks>
public sealed class RatingPatterns
{
    private readonly List<string> _annotators = [];
    private readonly Dictionary<string, int> _annotatorIds = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];
    private readonly Dictionary<string, int> _valueIds = new(StringComparer.Ordinal);
    private readonly Lock _undensing = new();
    private SequenceSet<int> _patterns = new();
    private PackedPatterns? _packed = new();
    private long[] _units = new long[16];

    /// <summary>The counts by slot while they are kept so (<see cref="DensePatternCounts"/>); <see cref="_patterns"/> is then empty.</summary>
    private DensePatternCounts? _dense;
    private long[] _keys = new long[8];
    private int[] _pairs = new int[16];

    /// <summary>Units added with at least one value.</summary>
    public long Units { get; private set; }

    /// <summary>Distinct unit patterns.</summary>
    public int DistinctPatterns => Patterns.Count;

    /// <summary>Whether the units are counted by slot now (<see cref="DensePatternCounts"/>), not yet read as patterns.</summary>
    internal bool CountsBySlot => _dense is not null;

    /// <summary>The annotators by number.</summary>
    internal IReadOnlyList<string> Annotators => _annotators;

    /// <summary>The distinct values by number; every one occurs in some pattern.</summary>
    internal IReadOnlyList<string> Values => _values;

    /// <summary>Adds one unit: the value each annotator gave (annotators without a value simply absent).</summary>
    /// <remarks>A unit without any value carries no information and is not counted.</remarks>
    /// <exception cref="ArgumentException">An annotator appears twice, or an annotator or value is null.</exception>
    public void AddUnit(IEnumerable<Rating> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var span = ratings switch
        {
            Rating[] array => array,
            List<Rating> list => CollectionsMarshal.AsSpan(list),
            _ => ratings.ToArray(),
        };
        Add(span, 1);
    }

    /// <summary>The number of an annotator, interned now if new: for a reader that adds units by number (<see cref="AddNumberedUnit"/>).</summary>
    internal int AnnotatorNumber(string annotator) => Intern(annotator, _annotators, _annotatorIds);

    /// <summary>The number of a value, interned now if new; it must then be given in some unit, as every value is.</summary>
    internal int ValueNumber(string value) => Intern(value, _values, _valueIds);

    /// <summary>
    /// Adds one unit given as (annotator number ≪ 32 | value number) keys, numbers from <see cref="AnnotatorNumber"/>
    /// and <see cref="ValueNumber"/>; the caller has checked that no annotator repeats. Sorts <paramref name="keys"/>.
    /// </summary>
    internal void AddNumberedUnit(Span<long> keys)
    {
        if (keys.Length > 0)
        {
            Add(keys, 1);
        }
    }

    /// <summary>Adds another field's patterns into this one (shard partials into the batch).</summary>
    /// <remarks>Compiled optimised at once: a ratings table read in blocks merges every block's patterns, one call each.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Merge(RatingPatterns other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var annotators = new int[other._annotators.Count];
        for (var a = 0; a < annotators.Length; a++)
        {
            annotators[a] = Intern(other._annotators[a], _annotators, _annotatorIds);
        }

        var values = new int[other._values.Count];
        for (var v = 0; v < values.Length; v++)
        {
            values[v] = Intern(other._values[v], _values, _valueIds);
        }

        if (other._dense is { } counts && TryAddDense(counts, annotators, values))
        {
            Units += other.Units;
            return;
        }

        var count = other.DistinctPatterns;
        for (var p = 0; p < count; p++)
        {
            var pattern = other._patterns[p];
            var keys = Keys(pattern.Length / 2);
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = ((long)annotators[pattern[2 * i]] << 32) | (uint)values[pattern[2 * i + 1]];
            }

            Add(keys, other._units[p]);
        }
    }

    /// <summary>The state to persist a partial, in canonical order; <see cref="FromState"/> restores it exactly.</summary>
    public RatingPatternsState ToState()
    {
        Undense();
        var order = CanonicalOrder();
        var patterns = new List<RatingPatternState>(order.Length);
        foreach (var p in order)
        {
            var pattern = _patterns[p];
            var ratings = new Rating[pattern.Length / 2];
            for (var i = 0; i < ratings.Length; i++)
            {
                ratings[i] = new Rating(_annotators[pattern[2 * i]], _values[pattern[2 * i + 1]]);
            }

            Array.Sort(ratings, static (a, b) => string.CompareOrdinal(a.Annotator, b.Annotator));
            patterns.Add(new RatingPatternState(ratings, _units[p]));
        }

        return new RatingPatternsState(patterns);
    }

    /// <exception cref="ArgumentException">A pattern is empty, has a repeated annotator, or a unit count below 1.</exception>
    public static RatingPatterns FromState(RatingPatternsState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var patterns = new RatingPatterns();
        foreach (var entry in state.Patterns)
        {
            var ratings = entry.Ratings.ToArray();
            if (ratings.Length == 0 || entry.Units < 1)
            {
                throw new ArgumentException($"invalid rating pattern: {ratings.Length} ratings, {entry.Units} units", nameof(state));
            }

            patterns.Add(ratings, entry.Units);
        }

        return patterns;
    }

    /// <summary>Distinct patterns, numbered 0 … <see cref="DistinctPatterns"/> − 1 in no particular order.</summary>
    /// <returns>Annotator and value numbers interleaved (a₀, v₀, a₁, v₁, …), ascending by annotator number.</returns>
    internal ReadOnlySpan<int> Pattern(int index) => Patterns[index];

    /// <summary>The units that had pattern <paramref name="index"/>.</summary>
    internal long UnitsOf(int index)
    {
        Undense();
        return _units[index];
    }

    /// <summary>The distinct patterns, numbered as <see cref="Pattern"/> numbers them.</summary>
    private SequenceSet<int> Patterns
    {
        get
        {
            Undense();
            return _patterns;
        }
    }

    /// <summary>The annotators (ordinal by name) with their number and the number of values each gave.</summary>
    internal IReadOnlyList<(string Annotator, int Number, long Values)> ValuesByAnnotator()
    {
        Undense();
        var values = new long[_annotators.Count];
        for (var p = 0; p < _patterns.Count; p++)
        {
            var pattern = _patterns[p];
            for (var i = 0; i < pattern.Length; i += 2)
            {
                values[pattern[i]] += _units[p];
            }
        }

        return OrdinalOrder(_annotators).Where(a => values[a] > 0).Select(a => (_annotators[a], a, values[a])).ToList();
    }

    /// <summary>The positions of <paramref name="names"/> in ordinal order of the names.</summary>
    internal static int[] OrdinalOrder(IReadOnlyList<string> names)
    {
        var order = new int[names.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => string.CompareOrdinal(names[a], names[b]));
        return order;
    }

    /// <summary>Pattern numbers in canonical order: lexicographic over (annotator, value) pairs, ordinal; a prefix first.</summary>
    private int[] CanonicalOrder()
    {
        var annotatorRanks = Ranks(_annotators);
        var valueRanks = Ranks(_values);
        var ranked = new SequenceSet<int>();
        for (var p = 0; p < _patterns.Count; p++)
        {
            var pattern = _patterns[p];
            var keys = Keys(pattern.Length / 2);
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = ((long)annotatorRanks[pattern[2 * i]] << 32) | (uint)valueRanks[pattern[2 * i + 1]];
            }

            keys.Sort();
            ranked.Add(Pairs(keys));
        }

        return ranked.LexicographicOrder();
    }

    private static int[] Ranks(IReadOnlyList<string> names)
    {
        var order = OrdinalOrder(names);
        var ranks = new int[order.Length];
        for (var rank = 0; rank < order.Length; rank++)
        {
            ranks[order[rank]] = rank;
        }

        return ranks;
    }

    private void Add(ReadOnlySpan<Rating> ratings, long units)
    {
        foreach (var rating in ratings)
        {
            if (rating.Annotator is null || rating.Value is null)
            {
                throw new ArgumentException("a rating needs an annotator and a value", nameof(ratings));
            }
        }

        if (ratings.Length == 0)
        {
            return;
        }

        // Annotators first, sorted with the rating's position, so a repeated annotator throws before any value is interned.
        var keys = Keys(ratings.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = ((long)Intern(ratings[i].Annotator, _annotators, _annotatorIds) << 32) | (uint)i;
        }

        keys.Sort();
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] >> 32 == keys[i - 1] >> 32)
            {
                throw new ArgumentException($"annotator '{ratings[(int)keys[i]].Annotator}' rated the unit twice; one value per annotator and unit", nameof(ratings));
            }
        }

        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (keys[i] & ~0xFFFF_FFFFL) | (uint)Intern(ratings[(int)keys[i]].Value, _values, _valueIds);
        }

        Add(keys, units);
    }

    /// <summary>Adds <paramref name="units"/> units of the pattern whose (annotator ≪ 32 | value) keys are given.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(Span<long> keys, long units)
    {
        if (_dense is not null && (_dense.TryAdd(keys, units) || Redense() && _dense.TryAdd(keys, units)))
        {
            Units += units;
            return;
        }

        int index;
        if (_packed is not null && Packed(keys) is { } packed)
        {
            index = _packed.Find(packed);
            if (index < 0)
            {
                SmallSort.Sort(keys);
                index = _patterns.AddNew(Pairs(keys));
                _packed.Add(packed, index);
            }
        }
        else
        {
            SmallSort.Sort(keys);
            index = _patterns.Add(Pairs(keys));
        }

        if (index == _units.Length)
        {
            Array.Resize(ref _units, 2 * _units.Length);
        }

        _units[index] += units;
        Units += units;
        if (index % DenseTries == DenseTries - 1 && index == _patterns.Count - 1)
        {
            TryDense(_patterns.Count);
        }
    }

    /// <summary>New patterns between two looks at whether the counts would be smaller by slot (<see cref="DensePatternCounts"/>).</summary>
    private const int DenseTries = 1024;

    /// <summary>
    /// Moves the patterns into counts by slot when a layout for the annotators and values known now takes few enough
    /// slots for <paramref name="patterns"/> distinct patterns; false, changing nothing, when none does.
    /// </summary>
    private bool TryDense(long patterns)
    {
        if (DensePatternCounts.For(_annotators.Count, _values.Count, patterns) is not { } dense)
        {
            return false;
        }

        for (var p = 0; p < _patterns.Count; p++)
        {
            dense.Add(_patterns[p], _units[p]);
        }

        (_patterns, _units, _packed, _dense) = (new SequenceSet<int>(), new long[16], new PackedPatterns(), dense);
        return true;
    }

    /// <summary>
    /// Lays the counts by slot out anew for the annotators and values known now; when they no longer fit, turns them into
    /// patterns (<see cref="Undense"/>). Returns whether they are still by slot.
    /// </summary>
    private bool Redense()
    {
        var old = _dense!;
        if (DensePatternCounts.For(_annotators.Count, _values.Count, old.Distinct) is { } dense)
        {
            dense.AddFrom(old, Identity(_annotators.Count), Identity(_values.Count));
            _dense = dense;
            return true;
        }

        Undense();
        return false;
    }

    /// <summary>Adds another's counts by slot, its numbers mapped by <paramref name="annotators"/> and <paramref name="values"/>; false, adding nothing, when this cannot hold them by slot.</summary>
    private bool TryAddDense(DensePatternCounts other, int[] annotators, int[] values)
    {
        var fits = _dense is null
            ? TryDense(_patterns.Count + other.Distinct)
            : _dense.Holds(_annotators.Count, _values.Count) || Redense();
        if (fits)
        {
            _dense!.AddFrom(other, annotators, values);
        }

        return fits;
    }

    private static int[] Identity(int count)
    {
        var numbers = new int[count];
        for (var i = 0; i < count; i++)
        {
            numbers[i] = i;
        }

        return numbers;
    }

    /// <summary>
    /// Turns counts by slot into patterns (numbered in slot order), as the first read of the patterns needs; safe to call
    /// from readers on several threads at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Undense()
    {
        if (Volatile.Read(ref _dense) is not null)
        {
            UndenseNow();
        }
    }

    private void UndenseNow()
    {
        lock (_undensing)
        {
            if (_dense is not { } dense)
            {
                return;
            }

            _units = dense.DrainInto(_patterns);
            _packed = PackedPatterns.For(_annotators.Count, _values.Count, _patterns);
            Volatile.Write(ref _dense, null);
        }
    }

    /// <summary>
    /// The pattern of <paramref name="keys"/> packed (<see cref="PackedPatterns"/>); null when it does not fit the layout,
    /// which is then widened for the annotators and values known now, or given up when they no longer fit 64 bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong? Packed(ReadOnlySpan<long> keys)
    {
        if (_packed!.TryPack(keys, out var packed))
        {
            return packed;
        }

        _packed = PackedPatterns.For(_annotators.Count, _values.Count, _patterns);
        return _packed is not null && _packed.TryPack(keys, out packed) ? packed : null;
    }

    private Span<long> Keys(int length)
    {
        if (_keys.Length < length)
        {
            _keys = new long[2 * length];
        }

        return _keys.AsSpan(0, length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<int> Pairs(ReadOnlySpan<long> keys)
    {
        if (_pairs.Length < 2 * keys.Length)
        {
            _pairs = new int[4 * keys.Length];
        }

        for (var i = 0; i < keys.Length; i++)
        {
            _pairs[2 * i] = (int)(keys[i] >> 32);
            _pairs[2 * i + 1] = (int)keys[i];
        }

        return _pairs.AsSpan(0, 2 * keys.Length);
    }

    private static int Intern(string name, List<string> names, Dictionary<string, int> numbers)
    {
        ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(numbers, name, out var exists);
        if (!exists)
        {
            number = names.Count;
            names.Add(name);
        }

        return number;
    }
}
