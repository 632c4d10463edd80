using Quality.Domain.Geometry;

namespace Quality.Domain.Tests.Geometry;

/// <summary>
/// Reads a PyTorch3D-style 8-corner box as a yaw-only <see cref="Cuboid"/>: the corners must lie on two horizontal
/// planes, each top corner straight above a bottom corner, and the bottom face must be a rectangle (to the printed
/// precision). Anything else (a tilted box) is not representable and throws.
/// </summary>
internal static class YawOnlyCorners
{
    private const double LevelTolerance = 1e-9;
    private const double PrintedPrecision = 1e-3;

    public static Cuboid ToCuboid(double[][] corners)
    {
        var bottom = corners.Min(c => c[2]);
        var top = corners.Max(c => c[2]);
        var low = corners.Where(c => Math.Abs(c[2] - bottom) <= LevelTolerance).ToArray();
        var high = corners.Where(c => Math.Abs(c[2] - top) <= LevelTolerance).ToArray();
        if (corners.Length != 8 || low.Length != 4 || high.Length != 4
            || !high.All(h => low.Any(l => Distance(h, l) <= PrintedPrecision)))
        {
            throw new ArgumentException("Not a yaw-only cuboid: the corners are not two horizontal rectangles one above the other.", nameof(corners));
        }

        // low[0]'s two neighbours are the nearer corners, the farthest is its diagonal.
        var byDistance = low.Skip(1).OrderBy(c => Distance(low[0], c)).ToArray();
        var (p, e1, e2, d) = (low[0], byDistance[0], byDistance[1], byDistance[2]);
        var (ax, ay) = (((e1[0] - p[0]) + (d[0] - e2[0])) / 2, ((e1[1] - p[1]) + (d[1] - e2[1])) / 2);
        var (bx, by) = (((e2[0] - p[0]) + (d[0] - e1[0])) / 2, ((e2[1] - p[1]) + (d[1] - e1[1])) / 2);
        var shortSide = double.Hypot(ax, ay);
        var longSide = double.Hypot(bx, by);
        if (Math.Abs((ax * bx) + (ay * by)) > PrintedPrecision * shortSide * longSide)
        {
            throw new ArgumentException("Not a yaw-only cuboid: the bottom face is not a rectangle.", nameof(corners));
        }

        return new Cuboid(
            low.Average(c => c[0]),
            low.Average(c => c[1]),
            (bottom + top) / 2,
            longSide,
            shortSide,
            top - bottom,
            Math.Atan2(by, bx));
    }

    private static double Distance(double[] a, double[] b) => double.Hypot(a[0] - b[0], a[1] - b[1]);
}
