namespace Quality.Domain.Geometry;

/// <summary>A rectangle in the bird's-eye-view plane (x right, y up): centre, size and heading in radians.</summary>
/// <remarks>
/// Length lies along the heading (cos Yaw, sin Yaw), width across it, so the corners are
/// c + R(Yaw)·(±Length/2, ±Width/2) with R the counter-clockwise rotation. This is mmcv's
/// <c>box_iou_rotated</c> box (x, y, w, h, θ) with w = Length, h = Width, θ = Yaw.
/// </remarks>
public readonly record struct RotatedRectangle(double X, double Y, double Length, double Width, double Yaw)
{
    public double Area => Length * Width;

    /// <summary>Half the diagonal: the radius of the smallest circle about the centre that holds the rectangle.</summary>
    public double BoundingRadius => 0.5 * Math.Sqrt((Length * Length) + (Width * Width));

    /// <summary>True when the bounding circles overlap with positive area; false proves the rectangles share no area.</summary>
    internal static bool BoundingCirclesOverlap(in RotatedRectangle a, in RotatedRectangle b)
    {
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        var reach = a.BoundingRadius + b.BoundingRadius;
        return (dx * dx) + (dy * dy) < reach * reach;
    }

    internal void ThrowIfInvalid(string paramName)
    {
        if (!double.IsFinite(X) || !double.IsFinite(Y) || !double.IsFinite(Yaw)
            || !(Length >= 0) || !(Width >= 0) || double.IsPositiveInfinity(Length) || double.IsPositiveInfinity(Width))
        {
            throw new ArgumentOutOfRangeException(paramName, this, "A rectangle needs a finite centre and yaw and finite, non-negative sizes.");
        }
    }
}
