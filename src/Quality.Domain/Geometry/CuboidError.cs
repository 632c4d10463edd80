namespace Quality.Domain.Geometry;

/// <summary>How an annotated cuboid departs from its reference (gold or consensus), component by component.</summary>
/// <remarks>
/// <para>Offsets are annotation − reference in the world frame (metres).</para>
/// <para>
/// Size ratios are annotation / reference per dimension (1 = exact); a zero reference size makes its ratio NaN
/// (undefined), never ±∞.
/// </para>
/// <para>
/// <see cref="HeadingError"/> is annotation yaw − reference yaw wrapped into (−π, π]. <see cref="HeadingErrorModuloPi"/>
/// is the same difference modulo π, in (−π/2, π/2]: the error of the box's axis, blind to which way the box faces.
/// A flipped heading is its own error type: <see cref="IsHeadingFlipped"/> is true when |HeadingError| &gt; π/2, i.e.
/// the annotation faces closer to the reverse of the reference than to the reference itself.
/// </para>
/// </remarks>
public readonly record struct CuboidError(
    double OffsetX,
    double OffsetY,
    double OffsetZ,
    double LengthRatio,
    double WidthRatio,
    double HeightRatio,
    double HeadingError,
    double HeadingErrorModuloPi)
{
    /// <summary>Centre distance in the x–y plane (nuScenes <c>center_distance</c>).</summary>
    public double CentreOffsetBev => double.Hypot(OffsetX, OffsetY);

    public double CentreOffset3D => Math.Sqrt((OffsetX * OffsetX) + (OffsetY * OffsetY) + (OffsetZ * OffsetZ));

    public bool IsHeadingFlipped => Math.Abs(HeadingError) > Math.PI / 2;

    public static CuboidError Between(Cuboid annotation, Cuboid reference)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        ArgumentNullException.ThrowIfNull(reference);
        var turn = annotation.Yaw - reference.Yaw;
        return new CuboidError(
            annotation.X - reference.X,
            annotation.Y - reference.Y,
            annotation.Z - reference.Z,
            SizeRatio.Of(annotation.Length, reference.Length),
            SizeRatio.Of(annotation.Width, reference.Width),
            SizeRatio.Of(annotation.Height, reference.Height),
            HeadingAngle.Wrap(turn),
            HeadingAngle.WrapHalfTurn(turn));
    }
}
