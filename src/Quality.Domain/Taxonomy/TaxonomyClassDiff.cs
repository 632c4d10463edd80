namespace Quality.Domain.Taxonomy;

/// <summary>The class half of <see cref="TaxonomyDiff"/>: classes added, removed, deprecated, moved, renamed-to, re-limited.</summary>
internal static class TaxonomyClassDiff
{
    public static void Compare(Taxonomy from, Taxonomy to, List<TaxonomyChange> changes)
    {
        foreach (var removed in from.Classes.Where(c => to.Class(c.Name) is null))
        {
            var now = to.Resolve(removed.Name) is { } r ? $" (now a synonym of '{r.Class.Name}')" : "";
            changes.Add(new TaxonomyChange("class-removed", removed.Name, $"class '{removed.Name}' was removed{now}", VersionBump.Major));
        }

        foreach (var after in to.Classes)
        {
            if (from.Class(after.Name) is not { } before)
            {
                var was = from.Resolve(after.Name) is { } r ? $" (was a synonym of '{r.Class.Name}')" : "";
                changes.Add(new TaxonomyChange("class-added", after.Name, $"class '{after.Name}' was added{was}", VersionBump.Minor));
                continue;
            }

            CompareClass(before, after, changes);
            ComparePlausibility(after.Name, from.PlausibilityOf(after.Name), to.PlausibilityOf(after.Name), changes);
        }
    }

    private static void CompareClass(TaxonomyClass before, TaxonomyClass after, List<TaxonomyChange> changes)
    {
        var name = after.Name;
        if (before.ReplacedBy != after.ReplacedBy)
        {
            changes.Add((before.ReplacedBy, after.ReplacedBy) switch
            {
                (null, { } replacement) => new TaxonomyChange("class-deprecated", name, $"class '{name}' is deprecated; replaced by '{replacement}'", VersionBump.Minor),
                ({ }, null) => new TaxonomyChange("class-undeprecated", name, $"class '{name}' is no longer deprecated", VersionBump.Minor),
                _ => new TaxonomyChange("class-replacement-changed", name, $"class '{name}' is now replaced by '{after.ReplacedBy}' instead of '{before.ReplacedBy}'", VersionBump.Minor),
            });
        }

        if (before.Parent != after.Parent)
        {
            changes.Add(new TaxonomyChange("class-parent-changed", name,
                $"class '{name}' moved from parent '{before.Parent ?? "(none)"}' to '{after.Parent ?? "(none)"}'", VersionBump.Major));
        }

        var removed = before.Synonyms.Except(after.Synonyms, StringComparer.Ordinal).ToList();
        var added = after.Synonyms.Except(before.Synonyms, StringComparer.Ordinal).ToList();
        if (removed.Count + added.Count > 0)
        {
            changes.Add(new TaxonomyChange("class-synonyms-changed", name, $"class '{name}' synonyms {SetChange.Describe(added, removed)}",
                removed.Count > 0 ? VersionBump.Major : VersionBump.Minor));
        }

        if (before.Description != after.Description)
        {
            changes.Add(new TaxonomyChange("class-description-changed", name, $"class '{name}' description changed", VersionBump.Patch));
        }
    }

    /// <summary>Compares the effective (inherited) limits: a parent's change shows on each class it reaches.</summary>
    private static void ComparePlausibility(string name, Plausibility before, Plausibility after, List<TaxonomyChange> changes)
    {
        var parts = new List<(string Text, bool Narrowed)>();
        Range("length", before.Length, after.Length, parts);
        Range("width", before.Width, after.Width, parts);
        Range("height", before.Height, after.Height, parts);
        Minimum("minWidth", before.MinBoxWidth, after.MinBoxWidth, parts);
        Minimum("minHeight", before.MinBoxHeight, after.MinBoxHeight, parts);
        if ((before.InsideImage ?? true) != (after.InsideImage ?? true))
        {
            parts.Add(($"insideImage {before.InsideImage ?? true} -> {after.InsideImage ?? true}", after.InsideImage ?? true));
        }

        if (parts.Count > 0)
        {
            changes.Add(new TaxonomyChange("class-plausibility-changed", name, $"class '{name}' plausibility: {string.Join("; ", parts.Select(p => p.Text))}",
                parts.Any(p => p.Narrowed) ? VersionBump.Major : VersionBump.Minor));
        }
    }

    private static void Range(string what, ValueRange? before, ValueRange? after, List<(string, bool)> parts)
    {
        if (before != after)
        {
            var narrowed = after is { } a && (before is not { } b || !b.IsWithin(a));
            parts.Add(($"{what} {before?.ToString() ?? "any"} -> {after?.ToString() ?? "any"}", narrowed));
        }
    }

    private static void Minimum(string what, double? before, double? after, List<(string, bool)> parts)
    {
        if (before != after)
        {
            parts.Add((FormattableString.Invariant($"{what} {(object?)before ?? "none"} -> {(object?)after ?? "none"}"), (after ?? 0) > (before ?? 0)));
        }
    }
}
