namespace Quality.Domain.Geometry;

/// <summary>An axis-aligned image box in pixels: top-left corner and size.</summary>
public sealed record Box2D(double X, double Y, double Width, double Height);
