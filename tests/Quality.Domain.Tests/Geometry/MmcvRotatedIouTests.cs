using Quality.Domain.Geometry;

namespace Quality.Domain.Tests.Geometry;

/// <summary>
/// mmcv <c>box_iou_rotated</c>, tests/test_ops/test_box_iou_rotated.py (reference/statistics-vectors.md §9.1).
/// Box (x_ctr, y_ctr, w, h, θ): corners c + R(θ)·(±w/2, ±h/2), R counter-clockwise in x-right/y-up axes, which is
/// <see cref="RotatedRectangle"/>(x, y, Length = w, Width = h, Yaw = θ). Published to 4 decimals (mmcv's atol 1e-4).
/// </summary>
public sealed class MmcvRotatedIouTests
{
    private static readonly double[][] Boxes1 = [[1.0, 1.0, 3.0, 4.0, 0.5], [2.0, 2.0, 3.0, 4.0, 0.6], [7.0, 7.0, 8.0, 8.0, 0.4]];
    private static readonly double[][] Boxes2 = [[0.0, 2.0, 2.0, 5.0, 0.3], [2.0, 1.0, 3.0, 3.0, 0.5], [5.0, 5.0, 6.0, 7.0, 0.4]];

    private static readonly double[][] PublishedIou =
        [[0.3708, 0.4351, 0.0000], [0.1104, 0.4487, 0.0424], [0.0000, 0.0000, 0.3622]];

    private static readonly double[][] PublishedIof =
        [[0.4959, 0.5306, 0.0000], [0.1823, 0.5420, 0.1832], [0.0000, 0.0000, 0.4404]];

    // Recomputed only (shapely, §9.1), not published: the matrix under the opposite rotation sign.
    private static readonly double[][] OppositeSignIou =
        [[0.2881, 0.4351, 0.0109], [0.1104, 0.4487, 0.0948], [0.0000, 0.0000, 0.3760]];

    [Fact]
    public void IntersectionOverUnion_MmcvMatrix_MatchesPublished() =>
        AssertMatrix(PublishedIou, (a, b) => IntersectionOverUnion.Of(a, b), sign: 1);

    [Fact]
    public void OverlapOverFirstArea_MmcvMatrix_MatchesPublishedIntersectionOverForeground() =>
        AssertMatrix(PublishedIof, (a, b) => Overlap.Area(a, b) / a.Area, sign: 1);

    [Fact]
    public void IntersectionOverUnion_OppositeYawSign_GivesTheOtherMatrixNotThePublishedOne()
    {
        AssertMatrix(OppositeSignIou, (a, b) => IntersectionOverUnion.Of(a, b), sign: -1);
        Assert.True(Math.Abs(IntersectionOverUnion.Of(Rectangle(Boxes1[0], -1), Rectangle(Boxes2[0], -1)) - PublishedIou[0][0]) > 0.05);
    }

    private static void AssertMatrix(double[][] expected, Func<RotatedRectangle, RotatedRectangle, double> measure, int sign) =>
        PairwiseMatrix.AssertEqual(expected, Rectangles(Boxes1, sign), Rectangles(Boxes2, sign), measure, 0.5e-4);

    private static RotatedRectangle[] Rectangles(double[][] boxes, int sign) => [.. boxes.Select(b => Rectangle(b, sign))];

    private static RotatedRectangle Rectangle(double[] box, int sign) => new(box[0], box[1], box[2], box[3], sign * box[4]);
}
