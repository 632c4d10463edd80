namespace Quality.Domain.Spc.Series;

/// <summary>The outcome of <see cref="BaselineIteration"/>: the fit of the whole baseline and the fit after exclusion.</summary>
/// <param name="Excluded">Phase-local 1-based indices of the excluded baseline points (out of control, with a cause), ascending.</param>
internal sealed record BaselineFit<TFit>(TFit Trial, TFit Revised, IReadOnlyList<int> Excluded, int Iterations, bool IsStable)
{
    /// <summary>Phase-local 1-based indices of baseline points beyond the revised limits that have no assignable cause.</summary>
    public IReadOnlyList<int> Retained { get; init; } = [];
}
