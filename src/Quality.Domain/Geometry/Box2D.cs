namespace Quality.Domain.Geometry;

/// <summary>An axis-aligned image box in pixels: top-left corner and size.</summary>
public sealed record Box2D(double X, double Y, double Width, double Height)
{
    public double Area => Width * Height;

    /// <summary>The same box as a rotated rectangle with yaw 0 (centre, length along x = width, width along y = height).</summary>
    public RotatedRectangle ToRotatedRectangle() => new(X + (Width / 2), Y + (Height / 2), Width, Height, 0);

    internal void ThrowIfInvalid(string paramName)
    {
        if (!double.IsFinite(X) || !double.IsFinite(Y) || !(Width >= 0) || !(Height >= 0)
            || double.IsPositiveInfinity(Width) || double.IsPositiveInfinity(Height))
        {
            throw new ArgumentOutOfRangeException(paramName, this, "A box needs a finite corner and finite, non-negative sizes.");
        }
    }
}
