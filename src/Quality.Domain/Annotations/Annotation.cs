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

    /// <summary>A frame-level tag: no geometry, so its label is the value of <see cref="Field"/> for the item.</summary>
    public bool IsTag => Box is null && Cuboid is null;
}
