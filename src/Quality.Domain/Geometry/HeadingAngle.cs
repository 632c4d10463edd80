namespace Quality.Domain.Geometry;

/// <summary>Angle differences reduced to a principal range.</summary>
internal static class HeadingAngle
{
    /// <summary>The angle reduced modulo 2π into (−π, π].</summary>
    public static double Wrap(double radians)
    {
        var r = Math.IEEERemainder(radians, 2 * Math.PI);
        return r <= -Math.PI ? r + (2 * Math.PI) : r;
    }

    /// <summary>The angle reduced modulo π into (−π/2, π/2]: a heading and its reverse are the same line.</summary>
    public static double WrapHalfTurn(double radians)
    {
        var r = Math.IEEERemainder(radians, Math.PI);
        return r <= -Math.PI / 2 ? r + Math.PI : r;
    }
}
