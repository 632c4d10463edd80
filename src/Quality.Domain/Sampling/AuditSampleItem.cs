namespace Quality.Domain.Sampling;

/// <summary>One drawn unit: which annotator's labels on which item, its stratum, its inclusion probability π (design weight 1/π).</summary>
/// <param name="Unit">The unit id (<see cref="ReviewUnit.Id"/>) the selection key was computed from.</param>
/// <param name="Agreement">The unit's agreement with the item's other annotators; null when no one else labeled it.</param>
public sealed record AuditSampleItem(string Unit, string Item, string Annotator, string Stratum, double InclusionProbability, double? Agreement);
