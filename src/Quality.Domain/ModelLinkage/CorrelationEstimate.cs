namespace Quality.Domain.ModelLinkage;

/// <summary>
/// A correlation coefficient over <see cref="N"/> pairs with its 95% interval, or why it is not defined. An association
/// across model versions, never evidence of cause.
/// </summary>
/// <param name="Coefficient">r (Pearson) or ρ (Spearman); null when not defined.</param>
/// <param name="Ci95">[lower, upper] by Fisher's z; null when the coefficient or the interval is not defined.</param>
/// <param name="UndefinedReason">Why the coefficient or its interval is null; null when both are defined.</param>
public sealed record CorrelationEstimate(int N, double? Coefficient, double[]? Ci95, string? UndefinedReason);
