namespace Quality.Domain.Standards;

/// <summary>
/// How the pipeline's series are monitored under a standard: the run rules (<c>we</c> = Western Electric, <c>nelson</c>),
/// how many past batches estimate the baseline, and per monitored metric the chart to use in place of the default one
/// for its kind (<see cref="Audit.MonitoredMetric"/>).
/// </summary>
/// <param name="Rules"><c>we</c> or <c>nelson</c>.</param>
/// <param name="Baseline">Batches in the phase I baseline (at least 2).</param>
/// <param name="Charts">Monitored metric name → chart name (<c>p</c>, <c>laney-p</c>, <c>u</c>, <c>laney-u</c>, <c>individuals</c>, <c>ewma</c>, <c>cusum</c>).</param>
public sealed record SpcSettings(string Rules, int Baseline, IReadOnlyDictionary<string, string> Charts)
{
    public const string WesternElectric = "we";

    public const string Nelson = "nelson";

    public const int DefaultBaseline = 20;
}
