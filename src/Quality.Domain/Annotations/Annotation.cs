using Quality.Domain.Geometry;

namespace Quality.Domain.Annotations;

/// <summary>
/// One label one person gave one item: a frame tag (no geometry) in <see cref="Field"/>, or an object
/// of class <see cref="Label"/> with a box or a cuboid.
/// </summary>
/// <param name="Line">1-based line of the delivery file it came from, so later checks can point at it.</param>
public sealed record Annotation(
    string Item,
    string Annotator,
    AnnotatorRole Role,
    string Field,
    string Label,
    long Line)
{
    /// <summary>The field a frame tag fills when the line names none.</summary>
    public const string DefaultField = "label";

    public string? Id { get; init; }

    public Box2D? Box { get; init; }

    public Cuboid? Cuboid { get; init; }

    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>
    /// Names among <see cref="Attributes"/> whose values are measurements derived from the box, the sensor or a model
    /// (a nuScenes box's lidar point count, detection score, velocity), not an annotator's judgement: kept for evidence
    /// and strata, never rated for agreement (docs/statistics-conventions.md § Measured attributes).
    /// </summary>
    public IReadOnlySet<string>? Measurements { get; init; }

    /// <summary>The image a 2D box was drawn on, when the delivery says: lets a taxonomy check the box lies inside it.</summary>
    public ImageSize? Image { get; init; }

    /// <summary>
    /// The file of a multi-file delivery this came from (its path in the manifest); null for a single-file delivery,
    /// whose name is the delivery's. Errors and violation examples name it with <see cref="Line"/>.
    /// </summary>
    public string? File { get; init; }

    /// <summary>
    /// The file an error about this annotation names, given the delivery's name (a blob name or a path): the delivery
    /// itself, or <see cref="File"/> beside its manifest.
    /// </summary>
    public string SourceIn(string delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return File is null ? delivery : delivery[..(delivery.LastIndexOf('/') + 1)] + File;
    }

    /// <summary>A frame-level tag: no geometry, so its label is the value of <see cref="Field"/> for the item.</summary>
    public bool IsTag => Box is null && Cuboid is null;
}

/// <summary>Width and height of an image in pixels.</summary>
public readonly record struct ImageSize(double Width, double Height);
