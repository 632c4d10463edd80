namespace Quality.Domain.Formats.Canonical;

/// <summary>The first line of a canonical delivery: who delivered what, under which taxonomy.</summary>
public sealed record DeliveryHeader(
    string DeliveryId,
    string Pipeline,
    string Vendor,
    TaxonomyReference Taxonomy,
    IReadOnlyList<string> DataTypes)
{
    /// <summary>Declared frame-tag fields by name; a field not listed is nominal.</summary>
    public IReadOnlyDictionary<string, FieldDeclaration> Fields { get; init; } = new Dictionary<string, FieldDeclaration>(StringComparer.Ordinal);

    public FieldDeclaration Field(string name) => Fields.GetValueOrDefault(name) ?? FieldDeclaration.Nominal;
}

/// <summary>A taxonomy by name and semantic version, e.g. <c>driving@1.4.0</c>.</summary>
public sealed record TaxonomyReference(string Name, string Version)
{
    public override string ToString() => $"{Name}@{Version}";
}
