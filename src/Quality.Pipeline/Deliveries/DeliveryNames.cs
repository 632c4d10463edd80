using Quality.Domain.Annotations;
using Quality.Domain.Formats.Canonical;

namespace Quality.Pipeline.Deliveries;

/// <summary>
/// What a file delivered as it is cannot say itself, given by whoever delivers it (the query of
/// <c>POST /api/deliveries</c>, <c>quality submit</c>'s options): where it goes, under which taxonomy, and whose
/// annotations it holds. The generated manifest states it.
/// </summary>
public sealed record DeliveryNames(string Pipeline, string Vendor, string DeliveryId)
{
    /// <summary>The taxonomy a vendor file is held to when none is given: none, so it is audited unchecked.</summary>
    public static readonly TaxonomyReference NoTaxonomy = new("none", "0.0.0");

    public TaxonomyReference Taxonomy { get; init; } = NoTaxonomy;

    /// <summary>Whose annotations a single file holds (required for formats that do not say: COCO, nuScenes).</summary>
    public string? Annotator { get; init; }

    /// <summary>The role of every annotation in a single file; null leaves it to the file.</summary>
    public AnnotatorRole? Role { get; init; }

    /// <summary>The frame-tag field of a units × coders table.</summary>
    public string? Field { get; init; }

    /// <summary>Field declarations for the manifest (as a canonical header's <c>fields</c>).</summary>
    public IReadOnlyDictionary<string, FieldDeclaration> Fields { get; init; } = new Dictionary<string, FieldDeclaration>(StringComparer.Ordinal);

    public string Folder => DeliveryLayout.Folder(Pipeline, Vendor, DeliveryId);
}
