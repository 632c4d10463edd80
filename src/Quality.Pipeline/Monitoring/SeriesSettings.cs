using Quality.Domain.Audit;
using Quality.Domain.Spc.Series;
using Quality.Domain.Standards;

namespace Quality.Pipeline.Monitoring;

/// <summary>
/// The run rules, baseline and chart a monitored series is charted with, and where each came from: the standard's
/// <c>spc</c> section (<c>"standard name@version"</c>), the request (<see cref="Query"/>) or the defaults
/// (<see cref="Default"/>: Western Electric rules, a 20-delivery baseline, and the chart the metric's kind and
/// dispersion choose, <see cref="MetricChart.Choose"/>).
/// </summary>
public sealed record SeriesSettings
{
    public const string Default = "default";

    public const string Query = "query";

    public RuleSet Rules { get; init; } = RuleSet.WesternElectric;

    /// <summary>Deliveries in each phase's baseline.</summary>
    public int Baseline { get; init; } = SpcSettings.DefaultBaseline;

    /// <summary>The chart; null for the default choice by the metric's kind and dispersion.</summary>
    public ChartKind? Chart { get; init; }

    public string RulesFrom { get; init; } = Default;

    public string BaselineFrom { get; init; } = Default;

    public string ChartFrom { get; init; } = Default;

    public static SeriesSettings Defaults { get; } = new();

    /// <summary>
    /// The settings of <paramref name="standard"/>'s <c>spc</c> section for <paramref name="metric"/>: its rules and
    /// baseline (which the section defaults to <c>we</c> and 20 when it leaves them out), and its chart when it names one
    /// for the metric. Without a standard or an <c>spc</c> section, the defaults.
    /// </summary>
    public static SeriesSettings Of(QualityStandard? standard, MonitoredMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (standard?.Spc is not { } spc)
        {
            return Defaults;
        }

        var from = "standard " + standard.Reference;
        var chart = spc.ChartFor(metric);
        return new SeriesSettings
        {
            Rules = RuleSets.Parse(spc.Rules),
            RulesFrom = from,
            Baseline = spc.Baseline,
            BaselineFrom = from,
            Chart = chart,
            ChartFrom = chart is null ? Default : from,
        };
    }

    /// <summary>These settings with the request's chart, rules and baseline in place of their own where it gives them.</summary>
    public SeriesSettings WithQuery(ChartKind? chart, RuleSet? rules, int? baseline) => this with
    {
        Chart = chart ?? Chart,
        ChartFrom = chart is null ? ChartFrom : Query,
        Rules = rules ?? Rules,
        RulesFrom = rules is null ? RulesFrom : Query,
        Baseline = baseline ?? Baseline,
        BaselineFrom = baseline is null ? BaselineFrom : Query,
    };

    /// <summary>Charts the points on <see cref="Chart"/>, or on the default choice for <paramref name="kind"/>, and says why that chart.</summary>
    public (SeriesChartResult Result, string Reason) Compute(IReadOnlyList<SeriesPoint> points, MetricKind kind)
    {
        var options = new SeriesChartOptions { Chart = Chart ?? MetricChart.Default(kind), BaselineLength = Baseline, Rules = Rules };
        return Chart is null
            ? MetricChart.Choose(points, options, kind)
            : (SeriesChart.Compute(points, options), ChartFrom == Query ? "requested" : "set by the " + ChartFrom);
    }
}
