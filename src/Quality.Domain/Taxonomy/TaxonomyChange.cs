namespace Quality.Domain.Taxonomy;

/// <summary>
/// One difference between two taxonomy versions: its <paramref name="Kind"/> (<c>class-added</c>,
/// <c>attribute-values-changed</c>, …, listed in <c>docs/taxonomy.md</c>), the class or field it concerns, what changed,
/// and the version bump it requires (major when something valid before is invalid now).
/// </summary>
public sealed record TaxonomyChange(string Kind, string Subject, string Description, VersionBump Requires);
