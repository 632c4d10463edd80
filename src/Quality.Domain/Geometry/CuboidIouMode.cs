namespace Quality.Domain.Geometry;

/// <summary>Which intersection over union compares two cuboids.</summary>
public enum CuboidIouMode
{
    /// <summary>The footprints' IoU in the x–y plane; heights and z are ignored.</summary>
    BirdsEyeView,

    /// <summary>Volume IoU: BEV intersection area × vertical overlap / union volume.</summary>
    ThreeD,
}
