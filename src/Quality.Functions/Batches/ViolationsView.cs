namespace Quality.Functions.Batches;

/// <summary>A batch's taxonomy violations, or why none were checked.</summary>
internal sealed record ViolationsView(string Batch, string Taxonomy, bool Checked, string? NotCheckedReason, Domain.Taxonomy.ViolationTallyView? Violations);
