namespace Quality.Domain.Geometry;

/// <summary>A yaw-only lidar cuboid in metres: centre, size along its own axes, heading in radians.</summary>
public sealed record Cuboid(double X, double Y, double Z, double Length, double Width, double Height, double Yaw);
