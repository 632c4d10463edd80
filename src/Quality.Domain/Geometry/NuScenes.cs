namespace Quality.Domain.Geometry;

/// <summary>The nuScenes detection benchmark's box measures (nuscenes-devkit, <c>nuscenes/eval/common/utils.py</c>).</summary>
/// <remarks>
/// <para><c>center_distance</c>: the Euclidean distance between the centres in the x–y plane; z is ignored.</para>
/// <para>
/// <c>scale_iou</c>: the 3D IoU after aligning centres and headings, Π min(s_gt, s_pred) / (Π s_gt + Π s_pred − Π min)
/// over length, width, height. nuScenes asserts every size is positive; here a size ≤ 0 throws
/// <see cref="ArgumentOutOfRangeException"/>.
/// </para>
/// </remarks>
public static class NuScenes
{
    public static double CenterDistance(Cuboid reference, Cuboid annotation)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(annotation);
        return double.Hypot(annotation.X - reference.X, annotation.Y - reference.Y);
    }

    public static double ScaleIou(Cuboid reference, Cuboid annotation)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(annotation);
        ThrowIfNotPositive(reference, nameof(reference));
        ThrowIfNotPositive(annotation, nameof(annotation));
        var shared = Math.Min(reference.Length, annotation.Length)
            * Math.Min(reference.Width, annotation.Width)
            * Math.Min(reference.Height, annotation.Height);
        return shared / (reference.Volume + annotation.Volume - shared);
    }

    private static void ThrowIfNotPositive(Cuboid cuboid, string paramName)
    {
        if (!(cuboid.Length > 0 && cuboid.Width > 0 && cuboid.Height > 0)
            || double.IsPositiveInfinity(cuboid.Volume))
        {
            throw new ArgumentOutOfRangeException(paramName, cuboid, "scale_iou needs positive, finite sizes.");
        }
    }
}
