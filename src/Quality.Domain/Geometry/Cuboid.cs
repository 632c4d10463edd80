namespace Quality.Domain.Geometry;

/// <summary>A yaw-only lidar cuboid in metres: centre, size along its own axes, heading in radians.</summary>
/// <remarks>
/// Length lies along the heading (cos Yaw, sin Yaw) in the x–y plane, width across it, height along z;
/// Z is the centre, so the cuboid spans Z ± Height/2. This is mmcv's (x, y, z, dx, dy, dz, heading) with a centred z.
/// </remarks>
public sealed record Cuboid(double X, double Y, double Z, double Length, double Width, double Height, double Yaw)
{
    public double Volume => Length * Width * Height;

    /// <summary>The bird's-eye-view footprint: the cuboid projected onto the x–y plane.</summary>
    public RotatedRectangle Footprint => new(X, Y, Length, Width, Yaw);

    internal void ThrowIfInvalid(string paramName)
    {
        if (!double.IsFinite(Z) || !(Height >= 0) || double.IsPositiveInfinity(Height))
        {
            throw new ArgumentOutOfRangeException(paramName, this, "A cuboid needs a finite centre and finite, non-negative sizes.");
        }

        Footprint.ThrowIfInvalid(paramName);
    }
}
