namespace Quality.Domain.Formats.Canonical;

/// <summary>The first line of a canonical delivery: who delivered what, under which taxonomy.</summary>
public sealed record DeliveryHeader(
    string DeliveryId,
    string Pipeline,
    string Vendor,
    TaxonomyReference Taxonomy,
    IReadOnlyList<string> DataTypes);

/// <summary>A taxonomy by name and semantic version, e.g. <c>driving@1.4.0</c>.</summary>
public sealed record TaxonomyReference(string Name, string Version)
{
    public override string ToString() => $"{Name}@{Version}";
}
