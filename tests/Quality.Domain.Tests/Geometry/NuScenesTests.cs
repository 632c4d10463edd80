using Quality.Domain.Geometry;

namespace Quality.Domain.Tests.Geometry;

/// <summary>
/// nuscenes-devkit python-sdk/nuscenes/eval/detection/tests/test_utils.py (reference/statistics-vectors.md §9.4).
/// nuScenes sizes are (w, l, h); both boxes are mapped the same way, and scale_iou pairs dimension with dimension.
/// </summary>
public sealed class NuScenesTests
{
    [Theory]
    [InlineData(4, 4, 5, 4, 4, 5, 0)]
    [InlineData(4, 4, 4, 3, 3, 3, 1.4142135623730951)]
    [InlineData(-1, -1, -1, 1, 1, 1, 2.8284271247461903)]
    [InlineData(4.2, 2.8, 4.2, -1.45, 3.5, 3.9, 5.693198)]
    public void CenterDistance_PublishedCases_IgnoresZ(double x1, double y1, double z1, double x2, double y2, double z2, double expected)
    {
        var distance = NuScenes.CenterDistance(new Cuboid(x1, y1, z1, 1, 1, 1, 0), new Cuboid(x2, y2, z2, 1, 1, 1, 0));
        Assert.Equal(expected, distance, 0.5e-6);
    }

    [Theory]
    [InlineData(4, 4, 4, 4, 4, 4, 1)]
    [InlineData(2, 2, 2, 1, 1, 1, 0.125)]
    [InlineData(0.96, 0.37, 0.69, 0.32, 0.01, 0.39, 0.00509204)]
    public void ScaleIou_PublishedCases_Match(double w1, double l1, double h1, double w2, double l2, double h2, double expected)
    {
        var iou = NuScenes.ScaleIou(new Cuboid(0, 0, 0, l1, w1, h1, 0), new Cuboid(5, -3, 1, l2, w2, h2, 2));
        // The devkit asserts with unittest's assertAlmostEqual (7 places) and prints 0.00509204 truncated (0.0050920486).
        Assert.Equal(expected, iou, 0.5e-7);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, -1, 1)]
    [InlineData(1, 1, 0)]
    public void ScaleIou_SizeNotPositive_Throws(double length, double width, double height) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            NuScenes.ScaleIou(new Cuboid(0, 0, 0, 1, 1, 1, 0), new Cuboid(0, 0, 0, length, width, height, 0)));
}
