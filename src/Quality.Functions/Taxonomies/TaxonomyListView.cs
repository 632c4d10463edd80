namespace Quality.Functions.Taxonomies;

/// <summary>The answer of <c>GET /api/taxonomies</c>: every registered version.</summary>
internal sealed record TaxonomyListView(IReadOnlyList<TaxonomyEntryView> Taxonomies);
