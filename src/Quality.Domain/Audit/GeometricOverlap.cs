namespace Quality.Domain.Audit;

/// <summary>Two objects of one item (indices into its units, A &lt; B) and the IoU over the ordered pairs of their overlapping drawings.</summary>
internal readonly record struct GeometricOverlap(int A, int B, long Iou) : IComparable<GeometricOverlap>
{
    public int CompareTo(GeometricOverlap other) => (A, B, Iou).CompareTo((other.A, other.B, other.Iou));
}
