namespace Quality.Functions.Spc;

/// <summary>A phase: deliveries under one taxonomy version, with its baseline estimate.</summary>
internal sealed record SpcPhaseView(
    string Key, int Index, int Start, int End, string Status, int BaselineLength, bool Provisional, double? Center, double? Sigma,
    IReadOnlyList<int> Excluded, double? SigmaZ, string? Dispersion, string? Note);
