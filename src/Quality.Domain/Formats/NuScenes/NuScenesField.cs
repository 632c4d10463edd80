namespace Quality.Domain.Formats.NuScenes;

/// <summary>The properties of a nuScenes box record that the parser reads, in the order <see cref="NuScenesBoxScan"/> names them.</summary>
internal enum NuScenesField
{
    Token,
    SampleToken,
    Translation,
    Size,
    Rotation,
    CategoryName,
    DetectionName,
    AttributeName,
    AttributeNames,
    NumLidarPts,
    NumRadarPts,
    VisibilityToken,
    DetectionScore,
    Velocity,
}
