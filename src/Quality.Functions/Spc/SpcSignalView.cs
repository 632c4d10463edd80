namespace Quality.Functions.Spc;

/// <summary>A signal: its rule and the 1-based points (and their batches) involved.</summary>
internal sealed record SpcSignalView(string Rule, IReadOnlyList<int> Points, IReadOnlyList<string> Batches);
