namespace Quality.Functions.Taxonomies;

/// <summary>One registered taxonomy version and where to read it.</summary>
internal sealed record TaxonomyEntryView(string Name, string Version, string Reference, string Uri);
