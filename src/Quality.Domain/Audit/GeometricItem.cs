namespace Quality.Domain.Audit;

/// <summary>
/// One item's consensus objects as units of <see cref="GeometricAlpha"/>, with the overlaps between drawings of different
/// objects on the item. Sums are over ordered pairs of drawings, in 10⁻⁹ units.
/// </summary>
/// <param name="Units">The objects drawn by two or more annotators, in clustering order.</param>
/// <param name="Overlaps">Pairs of units (A &lt; B) with the IoU summed over the ordered pairs of their overlapping drawings.</param>
internal sealed record GeometricItem(GeometricUnit[] Units, GeometricOverlap[] Overlaps)
{
    /// <summary>Orders items by their content alone (units, then overlaps, lexicographically).</summary>
    public static Comparer<GeometricItem> ContentOrder { get; } = Comparer<GeometricItem>.Create(Compare);

    public GeometricItemState ToState() =>
        new([.. Units.Select(u => (IReadOnlyList<long>)[u.Drawings, u.Disagreement, u.WithinIou])], [.. Overlaps.Select(o => (IReadOnlyList<long>)[o.A, o.B, o.Iou])]);

    public static GeometricItem FromState(GeometricItemState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(
            [.. state.Units.Select(u => new GeometricUnit(checked((int)u[0]), u[1], u[2]))],
            [.. state.Overlaps.Select(o => new GeometricOverlap(checked((int)o[0]), checked((int)o[1]), o[2]))]);
    }

    private static int Compare(GeometricItem? x, GeometricItem? y)
    {
        if (ReferenceEquals(x, y) || x is null || y is null)
        {
            return ReferenceEquals(x, y) ? 0 : x is null ? -1 : 1;
        }

        for (var i = 0; i < Math.Min(x.Units.Length, y.Units.Length); i++)
        {
            if (x.Units[i].CompareTo(y.Units[i]) is var c and not 0)
            {
                return c;
            }
        }

        if (x.Units.Length.CompareTo(y.Units.Length) is var length and not 0)
        {
            return length;
        }

        for (var i = 0; i < Math.Min(x.Overlaps.Length, y.Overlaps.Length); i++)
        {
            if (x.Overlaps[i].CompareTo(y.Overlaps[i]) is var c and not 0)
            {
                return c;
            }
        }

        return x.Overlaps.Length.CompareTo(y.Overlaps.Length);
    }
}

/// <summary>Persisted form of one item of <see cref="GeometricAlpha"/>: units as [m, disagreement, within IoU], overlaps as [a, b, IoU].</summary>
public sealed record GeometricItemState(IReadOnlyList<IReadOnlyList<long>> Units, IReadOnlyList<IReadOnlyList<long>> Overlaps);
