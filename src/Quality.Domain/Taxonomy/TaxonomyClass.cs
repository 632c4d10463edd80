namespace Quality.Domain.Taxonomy;

/// <summary>
/// One object class of a taxonomy. <see cref="Plausibility"/> holds only what this class itself declares; the checker
/// uses <see cref="Taxonomy.PlausibilityOf"/>, which fills each unset limit from the nearest ancestor.
/// </summary>
public sealed record TaxonomyClass(string Name)
{
    public string? Description { get; init; }

    public string? Parent { get; init; }

    public IReadOnlyList<string> Synonyms { get; init; } = [];

    /// <summary>The class to use instead, when this one is deprecated; null for a current class.</summary>
    public string? ReplacedBy { get; init; }

    /// <summary>Why it was deprecated, when the document says.</summary>
    public string? DeprecationReason { get; init; }

    public bool IsDeprecated => ReplacedBy is not null;

    public Plausibility Plausibility { get; init; } = Plausibility.Unconstrained;
}
