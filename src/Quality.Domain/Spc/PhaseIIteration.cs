namespace Quality.Domain.Spc;

/// <summary>One pass of a Phase I estimate.</summary>
/// <param name="Center">The centre estimated from the baseline points still included.</param>
/// <param name="OutOfControl">1-based indices of included baseline points beyond the limits of this pass; excluded from the next.</param>
public sealed record PhaseIIteration(double Center, IReadOnlyList<int> OutOfControl);
