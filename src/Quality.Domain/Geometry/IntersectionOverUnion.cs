namespace Quality.Domain.Geometry;

/// <summary>Intersection over union (Jaccard index) of image boxes, BEV rectangles and cuboids.</summary>
/// <remarks>
/// <para>
/// IoU = |A ∩ B| / (|A| + |B| − |A ∩ B|) with |·| the area (boxes, rectangles, cuboids in bird's-eye view) or the
/// volume (cuboids in 3D); intersections come from <see cref="Overlap"/>, which rejects far pairs before any exact
/// clipping. The result is clamped to [0, 1] against rounding. Boxes that only touch have IoU 0.
/// </para>
/// <para>
/// Degenerate sizes, never NaN: when one box has zero measure and the other positive measure, IoU = 0. When both have
/// zero measure the union is empty and the ratio 0/0 is undefined; by convention IoU = 1 if the two boxes are equal
/// value for value (the limit of IoU(a, a) = 1 as a shrinks, and IoU stays reflexive) and 0 otherwise. In
/// <see cref="CuboidIouMode.ThreeD"/> "zero measure" means zero volume and equality compares whole cuboids; in
/// <see cref="CuboidIouMode.BirdsEyeView"/> it means a zero-area footprint and compares footprints.
/// </para>
/// <para>Non-finite coordinates or negative sizes are caller bugs: <see cref="ArgumentOutOfRangeException"/>.</para>
/// </remarks>
public static class IntersectionOverUnion
{
    public static double Of(Box2D a, Box2D b)
    {
        var intersection = Overlap.Area(a, b);
        return Ratio(intersection, a.Area, b.Area, a == b);
    }

    public static double Of(RotatedRectangle a, RotatedRectangle b) => Ratio(Overlap.Area(a, b), a.Area, b.Area, a == b);

    public static double Of(Cuboid a, Cuboid b, CuboidIouMode mode)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return mode switch
        {
            CuboidIouMode.BirdsEyeView => Of(a.Footprint, b.Footprint),
            CuboidIouMode.ThreeD => Ratio(Overlap.Volume(a, b), a.Volume, b.Volume, a == b),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a cuboid IoU mode."),
        };
    }

    private static double Ratio(double intersection, double first, double second, bool equal)
    {
        if (first == 0 && second == 0)
        {
            return equal ? 1 : 0;
        }

        return Math.Clamp(intersection / (first + second - intersection), 0, 1);
    }
}
