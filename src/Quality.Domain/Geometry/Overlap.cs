namespace Quality.Domain.Geometry;

/// <summary>The area or volume two boxes share: the numerator of their intersection over union.</summary>
/// <remarks>
/// <para>
/// Every method rejects early: rectangles whose bounding circles do not overlap, and cuboids whose z ranges do not
/// overlap, return 0 after a few multiplications and no trigonometry, so far pairs are cheap. The exact intersection
/// of overlapping rectangles is <see cref="RectangleIntersection"/> (convex clipping, shoelace area).
/// </para>
/// <para>Boxes that only touch share no area (0). Non-finite coordinates or negative sizes throw <see cref="ArgumentOutOfRangeException"/>.</para>
/// </remarks>
public static class Overlap
{
    public static double Area(Box2D a, Box2D b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        a.ThrowIfInvalid(nameof(a));
        b.ThrowIfInvalid(nameof(b));
        var across = Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X);
        var down = Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y);
        return across > 0 && down > 0 ? across * down : 0;
    }

    public static double Area(RotatedRectangle a, RotatedRectangle b)
    {
        a.ThrowIfInvalid(nameof(a));
        b.ThrowIfInvalid(nameof(b));
        return RotatedRectangle.BoundingCirclesOverlap(a, b) ? RectangleIntersection.Area(a, b) : 0;
    }

    /// <summary>Bird's-eye-view intersection area × overlap of the z ranges [Z − Height/2, Z + Height/2].</summary>
    public static double Volume(Cuboid a, Cuboid b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        a.ThrowIfInvalid(nameof(a));
        b.ThrowIfInvalid(nameof(b));
        var vertical = Vertical(a, b);
        return vertical > 0 && RotatedRectangle.BoundingCirclesOverlap(a.Footprint, b.Footprint)
            ? vertical * RectangleIntersection.Area(a.Footprint, b.Footprint)
            : 0;
    }

    /// <summary>Length shared by the z ranges: (h_a + h_b)/2 − |z_a − z_b|, at most the smaller height, at least 0.</summary>
    internal static double Vertical(Cuboid a, Cuboid b) =>
        Math.Clamp(((a.Height + b.Height) / 2) - Math.Abs(a.Z - b.Z), 0, Math.Min(a.Height, b.Height));
}
