using Quality.Domain.Geometry;

namespace Quality.Domain.Tests.Geometry;

/// <summary>Per-pair error components of an annotated cuboid against its reference.</summary>
public sealed class CuboidErrorTests
{
    private static readonly Cuboid Reference = new(0, 0, 0, 2, 4, 3, 0);

    [Fact]
    public void Between_ShiftedAndResized_GivesOffsetsAndRatios()
    {
        var error = CuboidError.Between(new Cuboid(1, 2, 3, 4, 2, 1.5, 0), Reference);
        Assert.Equal((1.0, 2.0, 3.0), (error.OffsetX, error.OffsetY, error.OffsetZ));
        Assert.Equal(Math.Sqrt(5), error.CentreOffsetBev, 1e-15);
        Assert.Equal(Math.Sqrt(14), error.CentreOffset3D, 1e-15);
        Assert.Equal((2.0, 0.5, 0.5), (error.LengthRatio, error.WidthRatio, error.HeightRatio));
    }

    [Theory]
    [InlineData(3.0, -3.0, 6 - (2 * Math.PI), 6 - (2 * Math.PI), false)] // across the ±π seam: a small error
    [InlineData(Math.PI + 0.1, 0, 0.1 - Math.PI, 0.1, true)] // reversed and 0.1 off
    [InlineData(Math.PI, 0, Math.PI, 0, true)] // exactly reversed: π, never −π
    [InlineData(-Math.PI, 0, Math.PI, 0, true)]
    [InlineData(0.3, 0, 0.3, 0.3, false)]
    [InlineData(Math.PI / 2, 0, Math.PI / 2, Math.PI / 2, false)] // a quarter turn is not a flip
    [InlineData(-2.0, 0, -2.0, Math.PI - 2.0, true)]
    public void Between_Headings_WrapsAndFlagsFlips(double yaw, double referenceYaw, double heading, double moduloPi, bool flipped)
    {
        var error = CuboidError.Between(Reference with { Yaw = yaw }, Reference with { Yaw = referenceYaw });
        Assert.Equal(heading, error.HeadingError, 1e-12);
        Assert.Equal(moduloPi, error.HeadingErrorModuloPi, 1e-12);
        Assert.Equal(flipped, error.IsHeadingFlipped);
    }

    [Fact]
    public void Between_ZeroReferenceSize_RatioIsNaN() =>
        Assert.True(double.IsNaN(CuboidError.Between(Reference, Reference with { Height = 0 }).HeightRatio));
}
