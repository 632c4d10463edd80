namespace Quality.Domain.Taxonomy;

/// <summary>Settings of <see cref="TaxonomyChecker"/>.</summary>
public sealed record TaxonomyCheckOptions
{
    /// <summary>
    /// How far (pixels) a 2D box may extend beyond its image before <c>box-outside-image</c>: 1 px by default, so boxes
    /// whose edges were rounded outward or written as inclusive pixel indices (x + width = image width + 1) pass.
    /// </summary>
    public double BoxTolerancePixels { get; init; } = 1;
}
