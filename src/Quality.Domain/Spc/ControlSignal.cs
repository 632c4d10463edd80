namespace Quality.Domain.Spc;

/// <summary>A rule breach: a result, not an exception.</summary>
/// <param name="Rule">The rule that fired.</param>
/// <param name="Points">1-based indices of the points involved, ascending; the last one is the point that completed the pattern.</param>
public sealed record ControlSignal(SpcRule Rule, IReadOnlyList<int> Points);
