namespace Quality.Domain.Findings;

/// <summary>One named figure or test behind a finding.</summary>
/// <param name="Name">What it is, e.g. <c>rate</c>, <c>homogeneity.p</c>.</param>
/// <param name="Value">The number; null when it is not defined or not finite (JSON has no NaN), and then <see cref="UndefinedReason"/> says why.</param>
/// <param name="Detail">Context: interval, n, method.</param>
public sealed record FindingEvidence(string Name, double? Value, string? Detail = null)
{
    /// <summary>Why <see cref="Value"/> is null; null when it is a number.</summary>
    public string? UndefinedReason { get; init; }

    /// <summary>The figure, or null with <paramref name="whyUndefined"/> when it is NaN or infinite.</summary>
    public static FindingEvidence Of(string name, double value, string? detail = null, string whyUndefined = "not defined") =>
        double.IsFinite(value) ? new(name, value, detail) : new(name, null, detail) { UndefinedReason = whyUndefined };
}
