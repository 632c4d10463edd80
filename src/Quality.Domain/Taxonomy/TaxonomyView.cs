using Quality.Domain.Agreement;

namespace Quality.Domain.Taxonomy;

/// <summary>
/// The canonical JSON form of a taxonomy (what <c>GET …/taxonomies/{name}@{version}</c> returns): the document's
/// own structure with plain strings and numbers, classes, attributes and tag fields in document order.
/// </summary>
public sealed record TaxonomyView(
    string Name, string Version, string? Description, IReadOnlyList<TaxonomyClassView> Classes,
    IReadOnlyList<TaxonomyFieldView> Attributes, IReadOnlyList<TaxonomyFieldView> Tags)
{
    public static TaxonomyView From(Taxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        return new TaxonomyView(
            taxonomy.Name, taxonomy.Version.ToString(), taxonomy.Description,
            taxonomy.Classes.Select(c => new TaxonomyClassView(
                c.Name, c.Description, c.Parent, c.Synonyms, c.ReplacedBy, c.DeprecationReason, PlausibilityView.From(c.Plausibility))).ToList(),
            taxonomy.Attributes.Select(FieldView).ToList(),
            taxonomy.Tags.Select(FieldView).ToList());
    }

    /// <summary>The level as the documents write it.</summary>
    public static string Level(MeasurementLevel level) => level switch
    {
        MeasurementLevel.Nominal => "nominal",
        MeasurementLevel.Ordinal => "ordinal",
        MeasurementLevel.Interval => "interval",
        _ => "ratio",
    };

    private static TaxonomyFieldView FieldView(TaxonomyField f) =>
        new(f.Name, Level(f.Type), f.Description, f.Values, f.Range is { } r ? [r.Min, r.Max] : null, f.RequiredFor);
}

/// <summary>A class as declared (limits not inherited; null where the document sets none).</summary>
public sealed record TaxonomyClassView(
    string Name, string? Description, string? Parent, IReadOnlyList<string> Synonyms, string? ReplacedBy, string? DeprecationReason,
    PlausibilityView? Plausibility);

/// <summary>An attribute or tag field: <paramref name="Type"/> nominal/ordinal/interval/ratio, <paramref name="Range"/> [min, max].</summary>
public sealed record TaxonomyFieldView(
    string Name, string Type, string? Description, IReadOnlyList<string>? Values, double[]? Range, IReadOnlyList<string> RequiredFor);

/// <summary>Size ranges [min, max] in metres, minimum box size in pixels, inside-image flag; null when not set.</summary>
public sealed record PlausibilityView(double[]? Length, double[]? Width, double[]? Height, double? MinBoxWidth, double? MinBoxHeight, bool? InsideImage)
{
    internal static PlausibilityView? From(Plausibility p) => p == Plausibility.Unconstrained
        ? null
        : new PlausibilityView(Pair(p.Length), Pair(p.Width), Pair(p.Height), p.MinBoxWidth, p.MinBoxHeight, p.InsideImage);

    private static double[]? Pair(ValueRange? range) => range is { } r ? [r.Min, r.Max] : null;
}
