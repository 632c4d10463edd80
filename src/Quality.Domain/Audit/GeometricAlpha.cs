using System.Globalization;

namespace Quality.Domain.Audit;

/// <summary>
/// Krippendorff's alpha of object geometry over consensus objects, with the distance δ = 1 − IoU between two drawings:
/// α = 1 − D_o/D_e = 1 − (n − 1)·Σ_u Σ_{i≠j} δ_uij/(m_u − 1) / Σ_{v≠w} δ_vw over the n drawings in consensus objects
/// drawn by two or more annotators (the general form of Krippendorff 2011 for any difference function).
/// </summary>
/// <remarks>
/// <para>
/// The expected disagreement needs δ between every two drawings of the batch. Drawings on different items are of
/// different scenes and never coincide (δ = 1); drawings on one item are compared by IoU where their footprints can
/// overlap (the sweep that feeds matching) and have δ = 1 otherwise; two drawings by one annotator on one item are
/// taken not to overlap (δ = 1), as physical objects do not. So Σ_{v≠w} δ = n(n − 1) − Σ_{v≠w} IoU with the IoU sum over
/// same-item pairs only, and every term is kept as an integer of 10⁻⁹ units: partials merge exactly, in any order.
/// </para>
/// <para>Undefined (NaN) with fewer than two such drawings or when every drawing coincides with every other.</para>
/// <para>
/// Each consensus object is also kept as a unit — its drawings m, its ordered-pair disagreement and IoU sums — with the
/// IoU of overlapping drawings of different objects on its item, so that <see cref="Bootstrap"/> can resample units as
/// the other alphas' intervals do (<see cref="GeometricAlphaBootstrap"/>).
/// </para>
/// </remarks>
public sealed class GeometricAlpha
{
    private const double Unit = 1e-9;
    private readonly SortedDictionary<int, Int128> _observedByCount = [];
    private readonly List<GeometricItem> _items = [];
    private Int128 _sameItemIou;
    private (Agreement.BootstrapOptions Options, Task<Agreement.BootstrapInterval> Interval)? _started;

    /// <summary>n: drawings in consensus objects with two or more drawings.</summary>
    public long Drawings { get; private set; }

    /// <summary>Consensus objects with two or more drawings.</summary>
    public long Objects { get; private set; }

    /// <summary>
    /// Adds one item: its consensus objects, each as its drawings (numbered from 0; objects with one drawing are left out), the IoU of
    /// two drawings, and the overlapping pairs of drawings on the item — each unordered pair once with its IoU — so the
    /// expected disagreement costs the overlaps, not every pair.
    /// </summary>
    public void AddItem(IReadOnlyList<IReadOnlyList<int>> objects, Func<int, int, double> iou, IEnumerable<(int A, int B, double Iou)> overlaps)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(iou);
        ArgumentNullException.ThrowIfNull(overlaps);
        _started = null;
        // Each drawing's unit by its number (−1: in no unit of two or more), numbers being 0 … n − 1 on the item.
        var numbers = 0;
        foreach (var drawn in objects)
        {
            // By index: a list's enumerator through the interface is an object, one per consensus object.
            for (var i = 0; i < drawn.Count; i++)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(drawn[i], nameof(objects));
                numbers = Math.Max(numbers, drawn[i] + 1);
            }
        }

        var unitOf = new int[numbers];
        Array.Fill(unitOf, -1);
        var pairable = 0;
        var units = new List<GeometricUnit>();
        foreach (var drawn in objects)
        {
            if (drawn.Count < 2)
            {
                continue;
            }

            Int128 disagreement = 0;
            for (var i = 0; i < drawn.Count; i++)
            {
                for (var j = i + 1; j < drawn.Count; j++)
                {
                    disagreement += 2 * Units(1 - iou(drawn[i], drawn[j]));
                }
            }

            _observedByCount[drawn.Count] = _observedByCount.GetValueOrDefault(drawn.Count) + disagreement;
            for (var i = 0; i < drawn.Count; i++)
            {
                pairable += unitOf[drawn[i]] < 0 ? 1 : 0;
                unitOf[drawn[i]] = units.Count;
            }

            units.Add(new GeometricUnit(drawn.Count, (long)disagreement, 0));
            Objects++;
        }

        var between = new Dictionary<(int A, int B), long>();
        foreach (var (a, b, overlap) in overlaps)
        {
            if (UnitOf(a) is var ua and >= 0 && UnitOf(b) is var ub and >= 0)
            {
                var units2 = 2 * Units(overlap);
                _sameItemIou += units2;
                if (ua == ub)
                {
                    units[ua] = units[ua] with { WithinIou = units[ua].WithinIou + (long)units2 };
                }
                else
                {
                    var key = ua < ub ? (ua, ub) : (ub, ua);
                    between[key] = between.GetValueOrDefault(key) + (long)units2;
                }
            }
        }

        if (units.Count > 0)
        {
            _items.Add(new GeometricItem([.. units], [.. between.OrderBy(b => b.Key).Select(b => new GeometricOverlap(b.Key.A, b.Key.B, b.Value))]));
        }

        Drawings += pairable;

        // A drawing outside the objects given is in no unit, as the set of pairable drawings had it.
        int UnitOf(int drawing) => (uint)drawing < (uint)unitOf.Length ? unitOf[drawing] : -1;
    }

    public void Merge(GeometricAlpha other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _started = null;
        foreach (var (m, units) in other._observedByCount)
        {
            _observedByCount[m] = _observedByCount.GetValueOrDefault(m) + units;
        }

        _sameItemIou += other._sameItemIou;
        _items.AddRange(other._items);
        Drawings += other.Drawings;
        Objects += other.Objects;
    }

    public double Alpha()
    {
        var n = Drawings;
        if (n < 2)
        {
            return double.NaN;
        }

        double observed = 0;
        foreach (var (m, units) in _observedByCount)
        {
            observed += (double)units * Unit / (m - 1);
        }

        var expected = (double)n * (n - 1) - (double)_sameItemIou * Unit;
        return expected <= 0 ? double.NaN : 1 - (n - 1) * observed / expected;
    }

    /// <summary>
    /// The percentile bootstrap interval over units (consensus objects), as <see cref="Agreement.KrippendorffAlpha.Bootstrap"/>
    /// draws it for the other alphas: <see cref="GeometricAlphaBootstrap"/>.
    /// </summary>
    /// <remarks>The interval of <see cref="StartBootstrap"/> when it was started with equal options and nothing was added since.</remarks>
    public Agreement.BootstrapInterval Bootstrap(Agreement.BootstrapOptions options) =>
        _started is { } started && started.Options == options ? started.Interval.GetAwaiter().GetResult() : GeometricAlphaBootstrap.Run(Alpha(), Canonical(), options);

    /// <summary>
    /// Starts <see cref="Bootstrap"/> on the thread pool, so it runs beside what the caller does next (the agreement
    /// suites, the root causes) instead of after it; <see cref="Bootstrap"/> with equal options then waits for it. The
    /// task takes the units as they are now: adding or merging afterwards drops it.
    /// </summary>
    public void StartBootstrap(Agreement.BootstrapOptions options)
    {
        var (estimate, items) = (Alpha(), Canonical());
        _started = (options, Task.Run(() => GeometricAlphaBootstrap.Run(estimate, items, options)));
    }

    /// <summary>The items in an order that depends on their content only, so sharding and merge order do not change a replicate.</summary>
    internal GeometricItem[] Canonical() => [.. _items.Order(GeometricItem.ContentOrder)];

    public GeometricAlphaState ToState() => new(
        Drawings, Objects, _sameItemIou.ToString(CultureInfo.InvariantCulture),
        _observedByCount.ToDictionary(o => o.Key.ToString(CultureInfo.InvariantCulture), o => o.Value.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal))
    {
        Items = [.. Canonical().Select(i => i.ToState())],
    };

    public static GeometricAlpha FromState(GeometricAlphaState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var alpha = new GeometricAlpha
        {
            Drawings = state.Drawings,
            Objects = state.Objects,
            _sameItemIou = Int128.Parse(state.SameItemIou, CultureInfo.InvariantCulture),
        };
        foreach (var (m, units) in state.ObservedByCount)
        {
            alpha._observedByCount[int.Parse(m, CultureInfo.InvariantCulture)] = Int128.Parse(units, CultureInfo.InvariantCulture);
        }

        alpha._items.AddRange((state.Items ?? []).Select(GeometricItem.FromState));
        return alpha;
    }

    private static Int128 Units(double value) => (Int128)Math.Round(value / Unit);
}

/// <summary>Persisted form of a <see cref="GeometricAlpha"/> (big integers as strings).</summary>
public sealed record GeometricAlphaState(long Drawings, long Objects, string SameItemIou, IReadOnlyDictionary<string, string> ObservedByCount)
{
    /// <summary>Per item, its units and overlaps (<see cref="GeometricItemState"/>), for the bootstrap; null in states written before it.</summary>
    public IReadOnlyList<GeometricItemState>? Items { get; init; }
}
