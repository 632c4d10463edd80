namespace Quality.Domain.Taxonomy;

/// <summary>
/// A batch's taxonomy violations as stored: under which taxonomy version they were counted, or why none were (the
/// delivery names a taxonomy that is not registered, so the batch's figures rest on unchecked labels).
/// </summary>
public sealed record ViolationReport(string Taxonomy, bool Checked, string? NotCheckedReason, ViolationTallyState? Tally)
{
    public static ViolationReport From(string taxonomy, ViolationTally? tally) => tally is null
        ? new(taxonomy, false, $"taxonomy {taxonomy} is not registered; register it (PUT /api/taxonomies/{{name}}/{{version}}) and re-deliver to check labels against it", null)
        : new(taxonomy, true, null, tally.ToState());
}
