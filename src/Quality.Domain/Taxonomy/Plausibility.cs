namespace Quality.Domain.Taxonomy;

/// <summary>
/// Geometric limits of a class: 3D sizes in metres, the smallest 2D box in pixels, and whether a 2D box must lie inside
/// its image. A null limit is not set here (inherited from the parent class, or unconstrained at the root).
/// </summary>
public sealed record Plausibility
{
    public static readonly Plausibility Unconstrained = new();

    public ValueRange? Length { get; init; }

    public ValueRange? Width { get; init; }

    public ValueRange? Height { get; init; }

    public double? MinBoxWidth { get; init; }

    public double? MinBoxHeight { get; init; }

    /// <summary>A 2D box must lie inside the image (within the checker's tolerance); unset means true.</summary>
    public bool? InsideImage { get; init; }

    /// <summary>This class's limits, each unset one taken from <paramref name="parent"/> (the resolved limits of the parent).</summary>
    public Plausibility InheritFrom(Plausibility parent) => new()
    {
        Length = Length ?? parent.Length,
        Width = Width ?? parent.Width,
        Height = Height ?? parent.Height,
        MinBoxWidth = MinBoxWidth ?? parent.MinBoxWidth,
        MinBoxHeight = MinBoxHeight ?? parent.MinBoxHeight,
        InsideImage = InsideImage ?? parent.InsideImage,
    };
}
