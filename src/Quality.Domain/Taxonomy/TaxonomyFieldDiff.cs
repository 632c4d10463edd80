namespace Quality.Domain.Taxonomy;

/// <summary>
/// The attribute and tag-field half of <see cref="TaxonomyDiff"/>; <c>kind</c> prefixes the change kinds
/// (<c>attribute-added</c>, <c>tag-field-values-changed</c>, …).
/// </summary>
internal static class TaxonomyFieldDiff
{
    public static void Compare(string kind, IReadOnlyList<TaxonomyField> from, IReadOnlyList<TaxonomyField> to, List<TaxonomyChange> changes)
    {
        foreach (var removed in from.Where(f => !to.Any(t => t.Name == f.Name)))
        {
            changes.Add(new TaxonomyChange($"{kind}-removed", removed.Name, $"{kind} '{removed.Name}' was removed", VersionBump.Major));
        }

        foreach (var after in to)
        {
            if (from.FirstOrDefault(f => f.Name == after.Name) is not { } before)
            {
                var required = after.RequiredFor.Count > 0;
                changes.Add(new TaxonomyChange($"{kind}-added", after.Name,
                    $"{kind} '{after.Name}' was added{(required ? $", required for {string.Join(", ", after.RequiredFor)}" : "")}",
                    required ? VersionBump.Major : VersionBump.Minor));
                continue;
            }

            CompareField(kind, before, after, changes);
        }
    }

    private static void CompareField(string kind, TaxonomyField before, TaxonomyField after, List<TaxonomyChange> changes)
    {
        var name = after.Name;
        if (before.Type != after.Type)
        {
            changes.Add(new TaxonomyChange($"{kind}-type-changed", name, $"{kind} '{name}' type {TaxonomyView.Level(before.Type)} -> {TaxonomyView.Level(after.Type)}", VersionBump.Major));
        }

        var valuesBefore = before.Values ?? [];
        var valuesAfter = after.Values ?? [];
        if (!valuesBefore.SequenceEqual(valuesAfter, StringComparer.Ordinal))
        {
            var removed = valuesBefore.Except(valuesAfter, StringComparer.Ordinal).ToList();
            var added = valuesAfter.Except(valuesBefore, StringComparer.Ordinal).ToList();
            // Removing values, constraining a free field, or reordering an ordinal scale breaks what was valid or meant.
            var breaking = removed.Count > 0 || (before.Values is null && after.Values is not null)
                || (after.Type == Agreement.MeasurementLevel.Ordinal && !valuesBefore.Intersect(valuesAfter).SequenceEqual(valuesAfter.Intersect(valuesBefore)));
            var text = removed.Count + added.Count > 0 ? SetChange.Describe(added, removed) : "reordered";
            changes.Add(new TaxonomyChange($"{kind}-values-changed", name, $"{kind} '{name}' values {text}", breaking ? VersionBump.Major : VersionBump.Minor));
        }

        if (before.Range != after.Range)
        {
            var narrowed = after.Range is { } a && (before.Range is not { } b || !b.IsWithin(a));
            changes.Add(new TaxonomyChange($"{kind}-range-changed", name,
                $"{kind} '{name}' range {before.Range?.ToString() ?? "any"} -> {after.Range?.ToString() ?? "any"}", narrowed ? VersionBump.Major : VersionBump.Minor));
        }

        var newlyRequired = after.RequiredFor.Except(before.RequiredFor, StringComparer.Ordinal).ToList();
        var noLongerRequired = before.RequiredFor.Except(after.RequiredFor, StringComparer.Ordinal).ToList();
        if (newlyRequired.Count + noLongerRequired.Count > 0)
        {
            changes.Add(new TaxonomyChange($"{kind}-required-changed", name, $"{kind} '{name}' requiredFor {SetChange.Describe(newlyRequired, noLongerRequired)}",
                newlyRequired.Count > 0 ? VersionBump.Major : VersionBump.Minor));
        }

        if (before.Description != after.Description)
        {
            changes.Add(new TaxonomyChange($"{kind}-description-changed", name, $"{kind} '{name}' description changed", VersionBump.Patch));
        }
    }
}
