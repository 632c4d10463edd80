using Quality.Domain.Audit;
using Quality.Domain.Spc.Series;
using Quality.Pipeline.Monitoring;

namespace Quality.Functions.Spc;

/// <summary>
/// A charted series as the API serves it, with the rules and baseline it was charted under and where they and the chart
/// came from (<see cref="SpcSettingsFromView"/>); undefined limits and statistics are null.
/// </summary>
internal sealed record SpcChartView(
    string Pipeline,
    string Metric,
    string Kind,
    string Description,
    string? Class,
    string? Vendor,
    string Chart,
    string ChartReason,
    string Rules,
    int Baseline,
    SpcSettingsFromView SettingsFrom,
    string Status,
    string Note,
    double? Center,
    IReadOnlyList<SpcPointView> Points,
    IReadOnlyList<SpcPhaseView> Phases,
    IReadOnlyList<SpcSignalView> Signals)
{
    public static SpcChartView From(
        string pipeline, MonitoredMetric metric, string? subject, string? vendor, IReadOnlyList<StoredSeriesPoint> stored,
        SeriesChartResult result, string reason, SeriesSettings settings)
    {
        var points = result.Points.Select(p => new SpcPointView(
            p.Index, p.Label, stored[p.Index - 1].DeliveredTime, p.Phase, stored[p.Index - 1].Count, stored[p.Index - 1].Size,
            D(p.Value), D(p.Center), D(p.Lower), D(p.Upper), D(p.Z), p.InBaseline, p.Excluded, p.CusumUpper, p.CusumLower,
            [.. result.Signals.Where(s => s.Points[^1] == p.Index).Select(s => s.Rule.ToString())]) { AssignableCause = p.AssignableCause }).ToList();
        var phases = result.Phases.Select(p => new SpcPhaseView(
            p.Key, p.Index, p.Start, p.End, p.Status.ToString(), p.BaselineLength, p.IsProvisional,
            p.Estimate is { } e ? D(e.Center) : null, p.Estimate?.Sigma, p.Estimate?.Excluded ?? [], p.SigmaZ is { } z ? D(z) : null,
            p.Dispersion?.ToString(), p.Note) { Retained = p.Estimate?.Retained ?? [] }).ToList();
        var signals = result.Signals.Select(s => new SpcSignalView(
            s.Rule.ToString(), s.Points, [.. s.Points.Select(i => result.Points[i - 1].Label)])).ToList();
        var from = new SpcSettingsFromView(settings.RulesFrom, settings.BaselineFrom, settings.ChartFrom);
        return new SpcChartView(pipeline, metric.Name, metric.Kind.ToString(), metric.Description, subject, vendor, result.Chart.ToName(), reason,
            settings.Rules.ToName(), settings.Baseline, from, result.Status.ToString(), result.Note, D(result.Center), points, phases, signals);
    }

    private static double? D(double value) => double.IsFinite(value) ? value : null;
}
