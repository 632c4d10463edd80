using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Quality.Domain.Geometry;

namespace Quality.Domain.Tests.Geometry;

/// <summary>Invariants of the intersection over union over generated rectangles and cuboids.</summary>
public sealed class GeometryProperties
{
    private const double Tolerance = 1e-9;

    // Millimetre grid: centres within ±6 m and sizes up to 8 m, so most pairs overlap and some are far apart.
    private static readonly Gen<double> Coordinate = Gen.Choose(-6_000, 6_000).Select(mm => mm / 1000.0);
    private static readonly Gen<double> Size = Gen.Choose(1, 8_000).Select(mm => mm / 1000.0);
    private static readonly Gen<double> Yaw = Gen.Choose(-3_141_592, 3_141_592).Select(micro => micro / 1e6);

    private static readonly Gen<RotatedRectangle> RectangleGen =
        from x in Coordinate
        from y in Coordinate
        from length in Size
        from width in Size
        from yaw in Yaw
        select new RotatedRectangle(x, y, length, width, yaw);

    private static readonly Arbitrary<RotatedRectangle> Rectangles = RectangleGen.ToArbitrary();

    private static readonly Arbitrary<Cuboid> Cuboids = (
        from footprint in RectangleGen
        from z in Coordinate
        from height in Size
        select new Cuboid(footprint.X, footprint.Y, z / 4, footprint.Length, footprint.Width, height / 2, footprint.Yaw)).ToArbitrary();

    private static readonly Arbitrary<Box2D> Boxes = (
        from x in Coordinate
        from y in Coordinate
        from w in Size
        from h in Size
        select new Box2D(x, y, w, h)).ToArbitrary();

    /// <summary>A rigid motion: a turn about the origin, then a shift of up to a kilometre.</summary>
    private static readonly Arbitrary<(double Turn, double Dx, double Dy)> Motions = (
        from turn in Yaw
        from dx in Gen.Choose(-1_000_000, 1_000_000)
        from dy in Gen.Choose(-1_000_000, 1_000_000)
        select (turn, dx / 1000.0, dy / 1000.0)).ToArbitrary();

    [Property]
    public Property Rectangles_Iou_SymmetricAndBounded() => Prop.ForAll(Rectangles, Rectangles, (a, b) =>
    {
        var ab = IntersectionOverUnion.Of(a, b);
        return ab is >= 0 and <= 1 && Math.Abs(ab - IntersectionOverUnion.Of(b, a)) <= Tolerance;
    });

    [Property]
    public Property Rectangles_Overlap_AtMostTheSmallerArea() => Prop.ForAll(Rectangles, Rectangles, (a, b) =>
        Overlap.Area(a, b) <= Math.Min(a.Area, b.Area) * (1 + Tolerance));

    [Property]
    public Property Rectangles_IouWithItself_IsOne() => Prop.ForAll(Rectangles, a =>
        Math.Abs(IntersectionOverUnion.Of(a, a) - 1) <= Tolerance);

    [Property]
    public Property Rectangles_SameRigidMotionForBoth_SameIou() => Prop.ForAll(Rectangles, Rectangles, Motions, (a, b, m) =>
        Math.Abs(IntersectionOverUnion.Of(a, b) - IntersectionOverUnion.Of(Move(a, m), Move(b, m))) <= Tolerance);

    // The rejections (bounding circles, then the box test and the containment shortcut) against clipping every pair.
    [Property]
    public Property Rectangles_EarlyExits_AgreeWithFullClipping() => Prop.ForAll(Rectangles, Rectangles, (a, b) =>
    {
        var clipped = RectangleIntersection.Area(a, b, exitEarly: false);
        return Math.Abs(Overlap.Area(a, b) - clipped) <= Tolerance
            && (RotatedRectangle.BoundingCirclesOverlap(a, b) || clipped <= Tolerance);
    });

    [Property]
    public Property Rectangles_FarApart_ClippingFindsNothing() => Prop.ForAll(Rectangles, Rectangles, (a, b) =>
    {
        var far = b with { X = b.X + a.BoundingRadius + b.BoundingRadius + 12 };
        return !RotatedRectangle.BoundingCirclesOverlap(a, far) && RectangleIntersection.Area(a, far, exitEarly: false) == 0;
    });

    [Property]
    public Property Cuboids_Iou_SymmetricAndBoundedInBothModes() => Prop.ForAll(Cuboids, Cuboids, (a, b) =>
        Enum.GetValues<CuboidIouMode>().All(mode =>
        {
            var ab = IntersectionOverUnion.Of(a, b, mode);
            return ab is >= 0 and <= 1 && Math.Abs(ab - IntersectionOverUnion.Of(b, a, mode)) <= Tolerance;
        }));

    [Property]
    public Property Cuboids_ThreeD_AtMostBevAndOneWithItself() => Prop.ForAll(Cuboids, Cuboids, (a, b) =>
        Overlap.Volume(a, b) <= Overlap.Area(a.Footprint, b.Footprint) * Math.Min(a.Height, b.Height) * (1 + Tolerance)
        && Math.Abs(IntersectionOverUnion.Of(a, a, CuboidIouMode.ThreeD) - 1) <= Tolerance);

    [Property]
    public Property Cuboids_SameRigidMotionForBoth_SameIou() => Prop.ForAll(Cuboids, Cuboids, Motions, (a, b, m) =>
        Math.Abs(IntersectionOverUnion.Of(a, b, CuboidIouMode.ThreeD) - IntersectionOverUnion.Of(Move(a, m), Move(b, m), CuboidIouMode.ThreeD)) <= Tolerance);

    // Two independent routes: interval products for image boxes, convex clipping for the same boxes as rectangles.
    [Property]
    public Property Boxes_IouEqualsRotatedRectangleIouAtYawZero() => Prop.ForAll(Boxes, Boxes, (a, b) =>
    {
        var direct = IntersectionOverUnion.Of(a, b);
        return direct is >= 0 and <= 1
            && Math.Abs(direct - IntersectionOverUnion.Of(b, a)) <= Tolerance
            && Math.Abs(direct - IntersectionOverUnion.Of(a.ToRotatedRectangle(), b.ToRotatedRectangle())) <= Tolerance;
    });

    private static RotatedRectangle Move(RotatedRectangle r, (double Turn, double Dx, double Dy) m)
    {
        var (sin, cos) = Math.SinCos(m.Turn);
        return r with { X = (cos * r.X) - (sin * r.Y) + m.Dx, Y = (sin * r.X) + (cos * r.Y) + m.Dy, Yaw = r.Yaw + m.Turn };
    }

    private static Cuboid Move(Cuboid c, (double Turn, double Dx, double Dy) m)
    {
        var footprint = Move(c.Footprint, m);
        return c with { X = footprint.X, Y = footprint.Y, Yaw = footprint.Yaw };
    }
}
