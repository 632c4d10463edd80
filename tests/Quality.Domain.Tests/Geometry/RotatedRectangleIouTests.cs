using Quality.Domain.Geometry;

namespace Quality.Domain.Tests.Geometry;

/// <summary>Hand-computed IoU of BEV rectangles (x right, y up, yaw counter-clockwise).</summary>
public sealed class RotatedRectangleIouTests
{
    private static readonly double Sqrt2 = Math.Sqrt(2);

    // A unit square and the same square turned 45° about its centre share a regular octagon: the square minus four
    // corner triangles with legs 1 − √2/2, so 1 − 2(1 − √2/2)² = 2(√2 − 1); IoU = 2(√2 − 1)/(2 − 2(√2 − 1)) = 1/√2.
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1e6, -2e6)] // map coordinates: the centre difference is taken first, so no digits are lost
    public void Of_UnitSquareAndItselfTurned45Degrees_IsRegularOctagon(double x, double y)
    {
        var square = new RotatedRectangle(x, y, 1, 1, 0.3);
        var turned = square with { Yaw = 0.3 + (Math.PI / 4) };
        Assert.Equal(2 * (Sqrt2 - 1), Overlap.Area(square, turned), 1e-9);
        Assert.Equal(1 / Sqrt2, IntersectionOverUnion.Of(square, turned), 1e-9);
    }

    // Concentric unit squares at angle φ ∈ [0, π/2]: the turned square's edge x cos φ + y sin φ = 1/2 cuts the corner
    // (1/2, 1/2) at y = tan(φ/2)/2 and x = tan(π/4 − φ/2)/2, so each of the four congruent corner triangles has legs
    // (1 − tan(φ/2))/2 and (1 − tan(π/4 − φ/2))/2 and the shared area is 1 − (1 − tan(φ/2))(1 − tan(π/4 − φ/2))/2.
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(Math.PI / 4)]
    [InlineData(1.2)]
    [InlineData(Math.PI / 2)]
    public void Overlap_ConcentricUnitSquaresAtAngle_MatchesClosedForm(double angle)
    {
        var expected = 1 - ((1 - Math.Tan(angle / 2)) * (1 - Math.Tan((Math.PI / 4) - (angle / 2))) / 2);
        var square = new RotatedRectangle(-7, 3, 1, 1, -0.4);
        Assert.Equal(expected, Overlap.Area(square, square with { Yaw = square.Yaw + angle }), 1e-12);
        Assert.Equal(expected, Overlap.Area(square with { Yaw = square.Yaw + angle }, square), 1e-12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.7)]
    [InlineData(-2.5)]
    public void Of_Identical_IsOne(double yaw) =>
        Assert.Equal(1, IntersectionOverUnion.Of(new RotatedRectangle(3, -4, 4.5, 1.9, yaw), new(3, -4, 4.5, 1.9, yaw)), 1e-12);

    [Theory]
    [InlineData(Math.PI)] // a reversed heading covers the same ground
    [InlineData(-Math.PI)]
    [InlineData(2 * Math.PI)]
    public void Of_HeadingTurnedByHalfTurns_IsOne(double turn) =>
        Assert.Equal(1, IntersectionOverUnion.Of(new RotatedRectangle(3, -4, 4.5, 1.9, 0.2), new(3, -4, 4.5, 1.9, 0.2 + turn)), 1e-12);

    [Fact]
    public void Of_LengthAndWidthSwappedAndTurnedQuarter_IsSameRectangle() =>
        Assert.Equal(1, IntersectionOverUnion.Of(new RotatedRectangle(1, 2, 2, 1, 0), new(1, 2, 1, 2, Math.PI / 2)), 1e-12);

    [Fact]
    public void Of_CrossOfTwo4By1_IsOneSeventh() =>
        Assert.Equal(1.0 / 7, IntersectionOverUnion.Of(new RotatedRectangle(0, 0, 4, 1, 0.4), new(0, 0, 4, 1, 0.4 + (Math.PI / 2))), 1e-12);

    [Fact]
    public void Of_TurnedUnitSquareInside4By4_IsOneSixteenth()
    {
        var big = new RotatedRectangle(0, 0, 4, 4, 0);
        var small = new RotatedRectangle(0.5, -0.3, 1, 1, 0.5);
        Assert.Equal(1, Overlap.Area(big, small), 1e-12);
        Assert.Equal(1, Overlap.Area(small, big), 1e-12);
        Assert.Equal(1.0 / 16, IntersectionOverUnion.Of(big, small), 1e-12);
    }

    [Fact]
    public void Of_HalfOverlapAlongHeading_IsOneThird()
    {
        // Two 2 × 1 rectangles along the same turned heading, centres 1 apart along it: 1 shared, union 3.
        var (sin, cos) = Math.SinCos(1.1);
        Assert.Equal(1.0 / 3, IntersectionOverUnion.Of(new RotatedRectangle(0, 0, 2, 1, 1.1), new(cos, sin, 2, 1, 1.1)), 1e-12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.7)]
    public void Of_TouchingAlongAnEdge_IsZero(double yaw)
    {
        var (sin, cos) = Math.SinCos(yaw);
        Assert.Equal(0, IntersectionOverUnion.Of(new RotatedRectangle(0, 0, 1, 1, yaw), new(cos, sin, 1, 1, yaw)), 1e-12);
    }

    [Fact]
    public void Of_DiamondVertexTouchingEdge_IsZero() =>
        Assert.Equal(0, IntersectionOverUnion.Of(new RotatedRectangle(0, 0, 2, 2, 0), new(1 + Sqrt2, 0, 2, 2, Math.PI / 4)), 1e-12);

    [Fact]
    public void Of_FarApart_IsZero() =>
        Assert.Equal(0, IntersectionOverUnion.Of(new RotatedRectangle(0, 0, 4, 2, 0.3), new(50, 50, 4, 2, 1.3)));

    [Fact]
    public void Of_ZeroLengthAgainstPositive_IsZero() =>
        Assert.Equal(0, IntersectionOverUnion.Of(new RotatedRectangle(0, 0, 0, 2, 0.3), new(0, 0, 2, 2, 0.3)));

    [Fact]
    public void Of_DegenerateConvention_EqualIsOneOtherwiseZero()
    {
        Assert.Equal(1, IntersectionOverUnion.Of(new RotatedRectangle(1, 1, 0, 0, 0.2), new(1, 1, 0, 0, 0.2)));
        Assert.Equal(0, IntersectionOverUnion.Of(new RotatedRectangle(1, 1, 0, 3, 0.2), new(1, 1.5, 0, 3, 0.2)));
    }

    [Theory]
    [InlineData(-1, 1, 0)]
    [InlineData(1, double.NaN, 0)]
    [InlineData(1, 1, double.PositiveInfinity)]
    public void Of_InvalidRectangle_Throws(double length, double width, double yaw) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IntersectionOverUnion.Of(new RotatedRectangle(0, 0, 1, 1, 0), new(0, 0, length, width, yaw)));
}
