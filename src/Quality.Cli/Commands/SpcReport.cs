using Quality.Domain.Spc;
using Quality.Domain.Spc.Series;

namespace Quality.Cli.Commands;

/// <summary>
/// What <c>quality spc --json</c> prints: the chart of the last phase at the top (its centre, Laney σ_Z, CUSUM h), then
/// every point, signal and phase. Undefined numbers are null, never NaN.
/// </summary>
/// <param name="Center">The centre line the last point is judged against (the trial centre in Phase I, the revised one in Phase II).</param>
/// <param name="Summary">The plain sentence on the current phase (warming up, provisional, …).</param>
/// <param name="Note">The Laney chart's dispersion statement; null otherwise.</param>
/// <param name="H">The CUSUM decision interval h·σ of the last phase, in the units of the values.</param>
internal sealed record SpcReport(
    string Chart, string Rules, PhaseStatus Status, string Summary, double? Center, double? SigmaZ, Dispersion? Dispersion, string? Note, double? H,
    IReadOnlyList<SpcPointView> Points, IReadOnlyList<ControlSignal> Signals, IReadOnlyList<SpcPhaseView> Phases)
{
    public static SpcReport From(SeriesChartResult result, RuleSet rules)
    {
        var current = result.Current;
        return new SpcReport(
            result.Chart.ToName(), rules.ToName(), result.Status, result.Note, Defined(result.Center), Defined(current?.SigmaZ), current?.Dispersion,
            current?.Note, Defined(current?.DecisionInterval),
            [.. result.Points.Select(SpcPointView.From)], result.Signals, [.. result.Phases.Select(SpcPhaseView.From)]);
    }

    /// <summary>A number for JSON: NaN and ±∞ become null.</summary>
    public static double? Defined(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
