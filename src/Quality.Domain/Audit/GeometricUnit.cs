namespace Quality.Domain.Audit;

/// <summary>One consensus object: m drawings, Σ_{i≠j} δ over its ordered pairs, and Σ_{i≠j} IoU over them (10⁻⁹ units).</summary>
internal readonly record struct GeometricUnit(int Drawings, long Disagreement, long WithinIou) : IComparable<GeometricUnit>
{
    public int CompareTo(GeometricUnit other) =>
        (Drawings, Disagreement, WithinIou).CompareTo((other.Drawings, other.Disagreement, other.WithinIou));
}
