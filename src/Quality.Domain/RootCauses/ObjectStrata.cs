namespace Quality.Domain.RootCauses;

/// <summary>
/// Where one gold comparison outcome (an <see cref="Audit.EvidencePair"/>) falls: its level of every stratum by name
/// (<see cref="StratumNames"/>), e.g. <c>class</c> = pedestrian, <c>range</c> = 40–60 m, <c>tag.time_of_day</c> = night,
/// <c>attribute.occlusion</c> = 2, <c>annotator</c> = ann-02, <c>delivery.site</c> = sofia; and the two measurements the
/// range and size levels were binned from.
/// </summary>
/// <param name="Levels">Stratum name → level; a stratum the object has no value for is absent.</param>
public sealed record ObjectStrata(IReadOnlyDictionary<string, string> Levels)
{
    /// <summary>Distance of a cuboid's centre from the ego origin in the ground plane, √(x² + y²) in metres; null for 2D boxes.</summary>
    public double? RangeMetres { get; init; }

    /// <summary>A cuboid's volume (m³) or a box's area (px²).</summary>
    public double? Size { get; init; }
}
