using Quality.Domain.Audit;
using Quality.Domain.Spc.Series;

namespace Quality.Domain.Standards;

/// <summary>
/// How the pipeline's series are monitored under a standard: the run rules (<c>we</c> = Western Electric, <c>nelson</c>),
/// how many past batches estimate the baseline, and per monitored metric the chart to use in place of the default one
/// for its kind (<see cref="Audit.MonitoredMetric"/>).
/// </summary>
/// <param name="Rules"><c>we</c> or <c>nelson</c>: <see cref="RuleSets"/> names.</param>
/// <param name="Baseline">Batches in the phase I baseline (at least 2).</param>
/// <param name="Charts">Monitored metric name → chart name (<c>p</c>, <c>laney-p</c>, <c>u</c>, <c>laney-u</c>, <c>individuals</c>, <c>ewma</c>, <c>cusum</c>).</param>
public sealed record SpcSettings(string Rules, int Baseline, IReadOnlyDictionary<string, string> Charts)
{
    public const string WesternElectric = "we";

    public const string Nelson = "nelson";

    public const int DefaultBaseline = 20;

    /// <summary>The chart the standard sets for <paramref name="metric"/>; null when it leaves the metric to the default choice.</summary>
    public ChartKind? ChartFor(MonitoredMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return Charts.TryGetValue(metric.Name, out var name) && TryParseChart(name, out var chart) ? chart : null;
    }

    /// <summary>A chart's name in a standard: its <see cref="ChartKinds"/> name, except that the I-MR chart is <c>individuals</c>.</summary>
    public static string ChartName(ChartKind chart) => chart == ChartKind.Individuals ? "individuals" : chart.ToName();

    /// <summary>Parses a chart name as a standard writes it (<see cref="ChartName"/>, exact case).</summary>
    internal static bool TryParseChart(string name, out ChartKind chart)
    {
        foreach (var kind in Enum.GetValues<ChartKind>())
        {
            if (string.Equals(ChartName(kind), name, StringComparison.Ordinal))
            {
                chart = kind;
                return true;
            }
        }

        chart = default;
        return false;
    }
}
