namespace Quality.Domain.Spc;

/// <summary>One pass of a Phase I estimate.</summary>
/// <param name="Center">The centre estimated from the baseline points still included.</param>
/// <param name="OutOfControl">1-based indices of the included baseline points beyond the limits of this pass.</param>
public sealed record PhaseIIteration(double Center, IReadOnlyList<int> OutOfControl)
{
    /// <summary>The out-of-control points with an assignable cause, excluded from the next pass; the others are retained.</summary>
    public IReadOnlyList<int> Excluded { get; init; } = [];
}
