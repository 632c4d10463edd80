namespace Quality.Domain.Geometry;

/// <summary>How an annotated image box departs from its reference, component by component (pixels).</summary>
/// <remarks>
/// Offsets are annotation − reference between the box centres; size ratios are annotation / reference, NaN when the
/// reference size is zero.
/// </remarks>
public readonly record struct Box2DError(double OffsetX, double OffsetY, double WidthRatio, double HeightRatio)
{
    public double CentreOffset => double.Hypot(OffsetX, OffsetY);

    public static Box2DError Between(Box2D annotation, Box2D reference)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        ArgumentNullException.ThrowIfNull(reference);
        return new Box2DError(
            annotation.X + (annotation.Width / 2) - (reference.X + (reference.Width / 2)),
            annotation.Y + (annotation.Height / 2) - (reference.Y + (reference.Height / 2)),
            SizeRatio.Of(annotation.Width, reference.Width),
            SizeRatio.Of(annotation.Height, reference.Height));
    }
}
