using Quality.Domain.Geometry;

namespace Quality.Domain.Tests.Geometry;

/// <summary>Hand-computed cuboid IoU in 3D and in bird's-eye view (z is the centre).</summary>
public sealed class CuboidIouTests
{
    private static readonly Cuboid Cube = new(1, 2, 0, 2, 2, 2, 0.4);

    [Fact]
    public void Of_SameFootprintHalfHeightApart_ThreeDIsOneThirdBevIsOne()
    {
        // z ranges [−1, 1] and [0, 2]: 1 shared; volume 4, union 8 + 8 − 4.
        var raised = Cube with { Z = 1 };
        Assert.Equal(4, Overlap.Volume(Cube, raised), 1e-12);
        Assert.Equal(1.0 / 3, IntersectionOverUnion.Of(Cube, raised, CuboidIouMode.ThreeD), 1e-12);
        Assert.Equal(1, IntersectionOverUnion.Of(Cube, raised, CuboidIouMode.BirdsEyeView), 1e-12);
    }

    [Fact]
    public void Of_StackedTouchingInZ_ThreeDIsZeroBevIsOne()
    {
        var above = Cube with { Z = 2 };
        Assert.Equal(0, IntersectionOverUnion.Of(Cube, above, CuboidIouMode.ThreeD));
        Assert.Equal(1, IntersectionOverUnion.Of(Cube, above, CuboidIouMode.BirdsEyeView), 1e-12);
    }

    [Fact]
    public void Of_SmallCubeInsideTurned_IsVolumeRatio()
    {
        var inner = new Cuboid(1.2, 2.1, 0.3, 1, 1, 1, 1.0);
        Assert.Equal(1.0 / 8, IntersectionOverUnion.Of(Cube, inner, CuboidIouMode.ThreeD), 1e-12);
        Assert.Equal(1.0 / 4, IntersectionOverUnion.Of(Cube, inner, CuboidIouMode.BirdsEyeView), 1e-12);
    }

    [Fact]
    public void Of_ZeroHeight_ThreeDFollowsDegenerateConventionBevDoesNot()
    {
        var flat = Cube with { Height = 0 };
        Assert.Equal(1, IntersectionOverUnion.Of(flat, flat, CuboidIouMode.ThreeD));
        Assert.Equal(0, IntersectionOverUnion.Of(flat, flat with { Z = 0.5 }, CuboidIouMode.ThreeD));
        Assert.Equal(0, IntersectionOverUnion.Of(flat, Cube, CuboidIouMode.ThreeD));
        Assert.Equal(1, IntersectionOverUnion.Of(flat, flat with { Z = 0.5 }, CuboidIouMode.BirdsEyeView), 1e-12);
    }

    [Fact]
    public void Of_UnknownMode_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IntersectionOverUnion.Of(Cube, Cube, (CuboidIouMode)7));

    [Fact]
    public void Of_NegativeHeight_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IntersectionOverUnion.Of(Cube, Cube with { Height = -1 }, CuboidIouMode.ThreeD));
}
