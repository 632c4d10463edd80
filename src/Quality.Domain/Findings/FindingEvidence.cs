namespace Quality.Domain.Findings;

/// <summary>One named figure or test behind a finding.</summary>
/// <param name="Name">What it is, e.g. <c>rate</c>, <c>homogeneity.p</c>.</param>
/// <param name="Value">The number; null when it is not defined or not finite (JSON has no NaN).</param>
/// <param name="Detail">Context: interval, n, method.</param>
public sealed record FindingEvidence(string Name, double? Value, string? Detail = null)
{
    internal static FindingEvidence Of(string name, double value, string? detail = null) =>
        new(name, double.IsFinite(value) ? value : null, detail);
}
