using Quality.Domain.Geometry;

namespace Quality.Domain.Tests.Geometry;

/// <summary>Hand-computed IoU of axis-aligned image boxes (x, y = top-left corner).</summary>
public sealed class Box2DIouTests
{
    [Theory]
    [InlineData(0, 0, 2, 2, 0, 0, 2, 2, 1)] // identical
    [InlineData(0, 0, 2, 2, 5, 5, 2, 2, 0)] // disjoint
    [InlineData(0, 0, 4, 4, 1, 1, 2, 2, 0.25)] // contained: 4 / 16
    [InlineData(0, 0, 2, 2, 1, 1, 2, 2, 1.0 / 7)] // one unit shared, union 4 + 4 − 1
    [InlineData(0, 0, 4, 1, 1, -1, 1, 4, 1.0 / 7)] // a cross: 1 shared, union 4 + 4 − 1
    [InlineData(0, 0, 1, 1, 1, 0, 1, 1, 0)] // touching along an edge
    [InlineData(0, 0, 1, 1, 1, 1, 1, 1, 0)] // touching at a corner
    [InlineData(0, 0, 0, 5, 0, 0, 2, 5, 0)] // zero width against a box it lies on
    [InlineData(3, 4, 0, 0, 3, 4, 0, 0, 1)] // the same point: degenerate convention, equal → 1
    [InlineData(3, 4, 0, 0, 3, 5, 0, 0, 0)] // two different points → 0
    [InlineData(3, 4, 0, 6, 3, 4, 0, 6, 1)] // the same segment → 1
    [InlineData(3, 4, 0, 6, 3, 5, 0, 6, 0)] // overlapping segments, not equal → 0
    public void Of_HandComputed(double x1, double y1, double w1, double h1, double x2, double y2, double w2, double h2, double expected)
    {
        var a = new Box2D(x1, y1, w1, h1);
        var b = new Box2D(x2, y2, w2, h2);
        Assert.Equal(expected, IntersectionOverUnion.Of(a, b), 1e-15);
        Assert.Equal(expected, IntersectionOverUnion.Of(b, a), 1e-15);
    }

    [Theory]
    [InlineData(0, 0, -1, 1)]
    [InlineData(0, 0, 1, double.NaN)]
    [InlineData(double.NaN, 0, 1, 1)]
    [InlineData(0, 0, double.PositiveInfinity, 1)]
    public void Of_InvalidBox_Throws(double x, double y, double width, double height) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IntersectionOverUnion.Of(new Box2D(0, 0, 1, 1), new Box2D(x, y, width, height)));

    [Fact]
    public void Between_ShiftedAndScaledBox_GivesCentreOffsetAndRatios()
    {
        // Reference centre (2, 3); annotation centre (5, 7): offset (3, 4), distance 5.
        var error = Box2DError.Between(new Box2D(4, 6, 2, 2), new Box2D(0, 1, 4, 4));
        Assert.Equal(new Box2DError(3, 4, 0.5, 0.5), error);
        Assert.Equal(5, error.CentreOffset, 1e-15);
    }

    [Fact]
    public void Between_ZeroReferenceSize_RatioIsNaN() =>
        Assert.True(double.IsNaN(Box2DError.Between(new Box2D(0, 0, 1, 1), new Box2D(0, 0, 0, 1)).WidthRatio));
}
