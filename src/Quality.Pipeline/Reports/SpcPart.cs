using System.Globalization;
using Quality.Domain.Spc;
using Quality.Domain.Spc.Series;
using Quality.Pipeline.Reports.Charts;

namespace Quality.Pipeline.Reports;

/// <summary>The SPC section: one control chart per headline series of the pipeline, the batch marked, the rules that fired in words.</summary>
internal static class SpcPart
{
    public static SpcSection Build(BatchReportSources sources)
    {
        var note = sources.Missing.GetValueOrDefault("spc-note");
        if (sources.Series.Count == 0)
        {
            return new SpcSection([], note, sources.Missing.GetValueOrDefault("spc")
                ?? "No control charts: the batch belongs to no pipeline series (it names no pipeline, or it completed before series were kept).");
        }

        var blocks = sources.Series.Select((s, i) =>
        {
            var chart = s.Chart;
            var name = s.Subject is null ? s.Metric.Name : $"{s.Metric.Name} ({s.Subject})";
            var atThis = chart.Signals.Where(g => g.Points[^1] == s.Marked).Select(g => Rule(g.Rule)).ToList();
            var signals = chart.Signals.Select(g => Invariant($"{Rule(g.Rule)}: deliveries {string.Join(", ", g.Points)}")).ToList();
            var point = s.Marked >= 1 && s.Marked <= chart.Points.Count ? chart.Points[s.Marked - 1] : null;
            var summary = (point is null ? "" : Invariant($"This batch is delivery {s.Marked} of {chart.Points.Count}: {ValueOf(point, chart.Chart)}. "))
                + (atThis.Count == 0 ? "No rule fired at this batch. " : $"Fired at this batch: {string.Join("; ", atThis)}. ")
                + Invariant($"{chart.Signals.Count} signals in the series; {chart.Note}.");
            var settings = $"{chart.Chart.ToName()} chart ({s.ChartReason}); rules {s.Settings.Rules.ToName()} ({s.Settings.RulesFrom}); baseline {s.Settings.Baseline} deliveries ({s.Settings.BaselineFrom})";
            var figure = ControlChart.Figure($"spc-{i + 1}", $"Control chart: {name}", AxisTitle(s.Metric.Name), chart, s.Marked, summary);
            return new SpcChartBlock(s.Metric.Name, s.Subject, chart.Status.ToString(), settings, figure, atThis, signals);
        }).ToList();
        return new SpcSection(blocks, note, null);
    }

    private static string ValueOf(SeriesChartPoint point, ChartKind chart) => chart == ChartKind.Cusum
        ? Invariant($"C+ {ControlChart.Number(point.CusumUpper ?? double.NaN)}, C− {ControlChart.Number(point.CusumLower ?? double.NaN)}")
        : double.IsNaN(point.Center)
            ? Invariant($"{ControlChart.Number(point.Value)}, with no limits yet")
            : Invariant($"{ControlChart.Number(point.Value)} against centre {ControlChart.Number(point.Center)} and limits [{ControlChart.Number(point.Lower)}, {ControlChart.Number(point.Upper)}]");

    public static string AxisTitle(string metric) => metric switch
    {
        "gold-error-rate" => "gold error rate (share of gold objects)",
        "violation-rate" => "violation rate (share of annotations checked)",
        "violations-per-item" => "taxonomy violations per item",
        "alpha" => "Krippendorff's α (0–1)",
        "mean-iou" => "mean IoU of objects matched to gold (0–1)",
        _ => metric,
    };

    /// <summary>A rule by its name and what it means.</summary>
    public static string Rule(SpcRule rule) => rule switch
    {
        SpcRule.BeyondLimits => "beyond limits (a point outside the 3σ limits)",
        SpcRule.WesternElectric1 => "WE 1 (one point beyond 3σ)",
        SpcRule.WesternElectric2 => "WE 2 (two of three beyond 2σ, same side)",
        SpcRule.WesternElectric3 => "WE 3 (four of five beyond 1σ, same side)",
        SpcRule.WesternElectric4 => "WE 4 (eight in a row on one side)",
        SpcRule.Nelson1 => "Nelson 1 (one point beyond 3σ)",
        SpcRule.Nelson2 => "Nelson 2 (nine in a row on one side)",
        SpcRule.Nelson3 => "Nelson 3 (six in a row rising or falling)",
        SpcRule.Nelson4 => "Nelson 4 (fourteen alternating)",
        SpcRule.Nelson5 => "Nelson 5 (two of three beyond 2σ)",
        SpcRule.Nelson6 => "Nelson 6 (four of five beyond 1σ)",
        SpcRule.Nelson7 => "Nelson 7 (fifteen within 1σ)",
        SpcRule.Nelson8 => "Nelson 8 (eight outside 1σ, both sides)",
        SpcRule.CusumUpper => "CUSUM C+ above h (a sustained rise)",
        SpcRule.CusumLower => "CUSUM C− above h (a sustained fall)",
        _ => rule.ToString(),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
