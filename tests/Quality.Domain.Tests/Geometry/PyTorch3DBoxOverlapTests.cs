using Quality.Domain.Geometry;

namespace Quality.Domain.Tests.Geometry;

/// <summary>
/// PyTorch3D <c>box3d_overlap</c>, tests/test_iou_box3d.py (reference/statistics-vectors.md §9.3), the cases whose boxes
/// are yaw-only. Test 7 (both boxes tilted) and test 15 (box15a tilted, z varies along its bottom face) are outside
/// the yaw-only model; the last test here proves test 15's first box is refused rather than silently flattened.
/// </summary>
public sealed class PyTorch3DBoxOverlapTests
{
    // Corners are printed to 4 decimals, which moves the volumes by about 1e-4 relative; PyTorch3D's own atol is 1e-2.
    private const double CornerPrecision = 1e-3;

    [Fact]
    public void Volume_UnitBoxShifted_IsProductOfRemainingSides()
    {
        // Published rule: a unit box shifted by (dx, dy, dz) ∈ [0, 1)³ keeps (1 − dx)(1 − dy)(1 − dz); §9.3 example 0.504, IoU 0.336898.
        var unit = new Cuboid(0.5, 0.5, 0.5, 1, 1, 1, 0);
        var shifted = unit with { X = 0.8, Y = 0.7, Z = 0.6 };
        Assert.Equal(0.7 * 0.8 * 0.9, Overlap.Volume(unit, shifted), 1e-12);
        Assert.Equal(0.336898, IntersectionOverUnion.Of(unit, shifted, CuboidIouMode.ThreeD), 0.5e-6);
    }

    [Fact]
    public void IntersectionOverUnion_UnitBoxShifted100InY_IsZero()
    {
        var unit = new Cuboid(0.5, 0.5, 0.5, 1, 1, 1, 0);
        Assert.Equal(0, IntersectionOverUnion.Of(unit, unit with { Y = 100.5 }, CuboidIouMode.ThreeD));
    }

    [Fact]
    public void Test13_CubesOfSide2CentredAtOriginAndMinus1Plus1_ShareVolume2()
    {
        var a = new Cuboid(0, 0, 0, 2, 2, 2, 0);
        var b = a with { X = -1, Y = 1 };
        Assert.Equal(2.0, Overlap.Volume(a, b), 1e-12);
        Assert.Equal(1.0 / 7, IntersectionOverUnion.Of(a, b, CuboidIouMode.ThreeD), 0.5e-6);
    }

    [Fact]
    public void Test18_MeshlabReference_MatchesPublished()
    {
        var a = YawOnlyCorners.ToCuboid(
            [[-105.6248, -32.7026, -1.2279], [-106.4690, -30.8895, -1.2279], [-106.4690, -30.8895, -3.0279], [-105.6248, -32.7026, -3.0279],
             [-110.1575, -34.8132, -1.2279], [-111.0017, -33.0001, -1.2279], [-111.0017, -33.0001, -3.0279], [-110.1575, -34.8132, -3.0279]]);
        var b = YawOnlyCorners.ToCuboid(
            [[-105.5094, -32.9504, -1.0641], [-106.4272, -30.9793, -1.0641], [-106.4272, -30.9793, -3.1916], [-105.5094, -32.9504, -3.1916],
             [-110.0421, -35.0609, -1.0641], [-110.9599, -33.0899, -1.0641], [-110.9599, -33.0899, -3.1916], [-110.0421, -35.0609, -3.1916]]);
        AssertPublished(a, b, volume1: 18.000067, volume2: 23.128527, shared: 17.108501, iou: 0.712258);
    }

    [Fact]
    public void Test19_MeshlabReference_MatchesPublished()
    {
        var a = YawOnlyCorners.ToCuboid(
            [[-59.4785, -15.6003, 0.4398], [-60.2263, -13.6928, 0.4398], [-60.2263, -13.6928, -1.3909], [-59.4785, -15.6003, -1.3909],
             [-64.1743, -17.4412, 0.4398], [-64.9221, -15.5337, 0.4398], [-64.9221, -15.5337, -1.3909], [-64.1743, -17.4412, -1.3909]]);
        var b = YawOnlyCorners.ToCuboid(
            [[-59.4874, -15.5775, -0.1512], [-60.2174, -13.7155, -0.1512], [-60.2174, -13.7155, -1.9820], [-59.4874, -15.5775, -1.9820],
             [-64.1832, -17.4185, -0.1512], [-64.9132, -15.5564, -0.1512], [-64.9132, -15.5564, -1.9820], [-64.1832, -17.4185, -1.9820]]);
        AssertPublished(a, b, volume1: 18.918238, volume2: 18.468531, shared: 12.505723, iou: 0.502620);
    }

    [Fact]
    public void Test15_FirstBox_IsTiltedSoNotYawOnly() => Assert.Throws<ArgumentException>(() => YawOnlyCorners.ToCuboid(
        [[-2.5629019, 4.13995749, -1.76344576], [1.92329434, 4.28127117, -1.86155124], [1.86994571, 5.97489644, -1.86155124],
         [-2.61625053, 5.83358276, -1.76344576], [-2.53123587, 4.14095496, -0.31397536], [1.95496037, 4.28226864, -0.41208084],
         [1.90161174, 5.97589391, -0.41208084], [-2.5845845, 5.83458023, -0.31397536]]));

    private static void AssertPublished(Cuboid a, Cuboid b, double volume1, double volume2, double shared, double iou)
    {
        Assert.Equal(volume1, a.Volume, volume1 * CornerPrecision);
        Assert.Equal(volume2, b.Volume, volume2 * CornerPrecision);
        Assert.Equal(shared, Overlap.Volume(a, b), shared * CornerPrecision);
        Assert.Equal(iou, IntersectionOverUnion.Of(a, b, CuboidIouMode.ThreeD), CornerPrecision);
    }
}
