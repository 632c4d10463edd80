using Quality.Domain.Geometry;

namespace Quality.Domain.Tests.Geometry;

/// <summary>
/// mmcv <c>boxes_overlap_bev</c> and <c>boxes_iou3d</c>, tests/test_ops/test_iou3d.py (reference/statistics-vectors.md §9.2).
/// Box (x, y, z, dx, dy, dz, heading) = <see cref="Cuboid"/>(x, y, z, Length = dx, Width = dy, Height = dz, Yaw); the
/// values do not depend on whether z is the centre or the bottom. Exact closed forms; mmcv's atol is 1e-4.
/// </summary>
public sealed class MmcvIou3dTests
{
    private static readonly Cuboid[] Boxes1 = [new(1, 1, 1, 2, 2, 2, 0), new(2, 2, 2, 2, 2, 2, 0), new(3, 3, 3, 3, 2, 2, 0)];
    private static readonly Cuboid[] Boxes2 = [new(1, 1, 1, 2, 2, 2, 0), new(1, 1, 1, 2, 2, 2, Math.PI / 2), new(1, 1, 1, 2, 2, 2, Math.PI / 4)];

    // (8 + 8√2)/(3 + 2√2) = 8(√2 − 1): a 2 × 2 square and itself turned 45° about its centre share a regular octagon.
    private static readonly double Octagon = (8 + (8 * Math.Sqrt(2))) / (3 + (2 * Math.Sqrt(2)));

    [Fact]
    public void OverlapArea_MmcvBevMatrix_MatchesPublished() => AssertMatrix(
        [[4.0, 4.0, Octagon], [1.0, 1.0, 1.0], [0, 0, 0]],
        (a, b) => Overlap.Area(a.Footprint, b.Footprint));

    [Fact]
    public void IntersectionOverUnion3D_MmcvMatrix_MatchesPublished() => AssertMatrix(
        [[1.0, 1.0, 1 / Math.Sqrt(2)], [1.0 / 15, 1.0 / 15, 1.0 / 15], [0, 0, 0]],
        (a, b) => IntersectionOverUnion.Of(a, b, CuboidIouMode.ThreeD));

    private static void AssertMatrix(double[][] expected, Func<Cuboid, Cuboid, double> measure) =>
        PairwiseMatrix.AssertEqual(expected, Boxes1, Boxes2, measure, 1e-9);
}
