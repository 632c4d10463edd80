namespace Quality.Domain.Spc.Series;

/// <summary>The run rules of a <see cref="RuleSet"/> on the z of one phase.</summary>
/// <remarks>
/// Rule 1 (one point beyond 3σ) is left out: the chart's own limit signal (<see cref="SpcRule.BeyondLimits"/>) is always
/// reported, and it also honours clipped p limits and the Laney σ_Z.
/// </remarks>
internal static class SeriesRules
{
    public static IEnumerable<ControlSignal> Evaluate(IReadOnlyList<double> z, SeriesChartOptions options)
    {
        var signals = options.Rules switch
        {
            RuleSet.WesternElectric => ControlRules.WesternElectric(z, options.WesternElectricRun),
            RuleSet.Nelson => ControlRules.Nelson(z, options.Nelson),
            _ => [],
        };
        return signals.Where(s => s.Rule is not (SpcRule.WesternElectric1 or SpcRule.Nelson1));
    }

    /// <summary>The signal with its points moved from phase-local to whole-series indices.</summary>
    public static ControlSignal Shift(ControlSignal signal, int offset) => new(signal.Rule, [.. signal.Points.Select(p => p + offset)]);
}
