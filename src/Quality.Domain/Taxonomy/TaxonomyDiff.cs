namespace Quality.Domain.Taxonomy;

/// <summary>
/// What changed from one taxonomy version to another, and whether the version bump says as much under semantic
/// versioning: a change that makes a once-valid annotation invalid (a class or value removed, a range or a
/// plausibility limit narrowed, an attribute newly required, a type or parent changed) needs a major bump; additions,
/// widening and deprecation a minor one; descriptions a patch. Below 1.0.0 a minor bump may break (semver §4).
/// </summary>
public sealed record TaxonomyDiff(
    string From, string To, IReadOnlyList<TaxonomyChange> Changes, VersionBump Required, VersionBump Actual, string? BumpProblem)
{
    public bool IsBumpConsistent => BumpProblem is null;

    public static TaxonomyDiff Compare(Taxonomy from, Taxonomy to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var changes = new List<TaxonomyChange>();
        if (from.Description != to.Description)
        {
            changes.Add(new TaxonomyChange("description-changed", to.Name, "the taxonomy's description changed", VersionBump.Patch));
        }

        TaxonomyClassDiff.Compare(from, to, changes);
        TaxonomyFieldDiff.Compare("attribute", from.Attributes, to.Attributes, changes);
        TaxonomyFieldDiff.Compare("tag-field", from.Tags, to.Tags, changes);
        var required = changes.Count == 0 ? VersionBump.None : changes.Max(c => c.Requires);
        var actual = to.Version.BumpFrom(from.Version);
        return new TaxonomyDiff(from.ToString(), to.ToString(), changes, required, actual, FindBumpProblem(from, to, required, actual));
    }

    private static string? FindBumpProblem(Taxonomy from, Taxonomy to, VersionBump required, VersionBump actual)
    {
        if (from.Name != to.Name)
        {
            return $"'{from.Name}' and '{to.Name}' are different taxonomies";
        }

        var effective = from.Version.Major == 0 && to.Version.Major == 0 && required == VersionBump.Major ? VersionBump.Minor : required;
        return actual switch
        {
            VersionBump.Downgrade => $"{to.Version} is lower than {from.Version}",
            _ when actual < effective => $"the changes need a {Name(effective)} version bump; {from.Version} -> {to.Version} is {(actual == VersionBump.None ? "none" : "a " + Name(actual) + " bump")}",
            _ => null,
        };
    }

    private static string Name(VersionBump bump) => bump switch
    {
        VersionBump.Major => "major",
        VersionBump.Minor => "minor",
        VersionBump.Patch => "patch",
        _ => "no",
    };
}
