namespace Quality.Functions.Spc;

/// <summary>
/// A phase: deliveries under one taxonomy version, with its baseline estimate; <c>excluded</c> are the baseline deliveries
/// dropped from the limits (out of control, with an assignable cause).
/// </summary>
internal sealed record SpcPhaseView(
    string Key, int Index, int Start, int End, string Status, int BaselineLength, bool Provisional, double? Center, double? Sigma,
    IReadOnlyList<int> Excluded, double? SigmaZ, string? Dispersion, string? Note)
{
    /// <summary>Baseline deliveries out of control at the revised limits with no assignable cause: kept in the baseline (Montgomery).</summary>
    public IReadOnlyList<int> Retained { get; init; } = [];
}
