namespace Quality.Domain.Spc;

/// <summary>Western Electric and Nelson run rules over standardised points z_i = (x_i − centre_i)/σ_i.</summary>
/// <remarks>
/// Western Electric (WECO <i>Statistical Quality Control Handbook</i>, 1956): 1 one point beyond 3σ; 2 two of three
/// successive points beyond 2σ on the same side; 3 four of five beyond 1σ on the same side; 4 eight successive points
/// on the same side. Nelson (1984, J. Quality Technology 16(4):237–239): 1 beyond 3σ; 2 nine in a row on one side;
/// 3 six in a row increasing or decreasing; 4 fourteen in a row alternating; 5 two of three beyond 2σ same side;
/// 6 four of five beyond 1σ same side; 7 fifteen in a row within 1σ; 8 eight in a row beyond 1σ with both sides present.
/// Edge semantics are in <see cref="RulePatterns"/>: strict "beyond", z = 0 and ties break runs, NaN breaks everything.
/// Get z from <see cref="ControlChartResult.Standardised"/>. Signals are ordered by rule, then by point.
/// </remarks>
public static class ControlRules
{
    public static IReadOnlyList<ControlSignal> WesternElectric(IReadOnlyList<double> z, int sameSideRun = 8)
    {
        ArgumentNullException.ThrowIfNull(z);
        var signals = new List<ControlSignal>();
        RulePatterns.Beyond(z, 3, SpcRule.WesternElectric1, signals);
        RulePatterns.CountInWindow(z, 2, 3, 2, SpcRule.WesternElectric2, signals);
        RulePatterns.CountInWindow(z, 4, 5, 1, SpcRule.WesternElectric3, signals);
        RulePatterns.Runs(RulePatterns.SameSide(z), sameSideRun, SpcRule.WesternElectric4, signals);
        return signals;
    }

    public static IReadOnlyList<ControlSignal> Nelson(IReadOnlyList<double> z, NelsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(z);
        options ??= new NelsonOptions();
        var signals = new List<ControlSignal>();
        RulePatterns.Beyond(z, 3, SpcRule.Nelson1, signals);
        RulePatterns.Runs(RulePatterns.SameSide(z), options.SameSideRun, SpcRule.Nelson2, signals);
        RulePatterns.Runs(RulePatterns.Trend(z), options.TrendRun, SpcRule.Nelson3, signals);
        RulePatterns.Runs(RulePatterns.Alternating(z), options.AlternatingRun, SpcRule.Nelson4, signals);
        RulePatterns.CountInWindow(z, 2, 3, 2, SpcRule.Nelson5, signals);
        RulePatterns.CountInWindow(z, 4, 5, 1, SpcRule.Nelson6, signals);
        RulePatterns.Runs(RulePatterns.Within(z, 1), options.StratificationRun, SpcRule.Nelson7, signals);
        RulePatterns.Runs(
            RulePatterns.Outside(z, 1),
            options.MixtureRun,
            SpcRule.Nelson8,
            signals,
            (first, last) => HasBothSides(z, first, last));
        return signals;
    }

    private static bool HasBothSides(IReadOnlyList<double> z, int first, int last)
    {
        bool above = false, below = false;
        for (var i = first; i <= last; i++)
        {
            above |= z[i] > 0;
            below |= z[i] < 0;
        }

        return above && below;
    }
}
