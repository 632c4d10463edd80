using Quality.Domain.Audit;
using Quality.Domain.Findings;
using Quality.Domain.Spc.Series;
using Quality.Domain.Standards;
using Quality.Pipeline.Monitoring;

namespace Quality.Pipeline.Tests.Monitoring;

public sealed class ProcessSignalsTests
{
    private static readonly DateTimeOffset Day = DateTimeOffset.Parse("2026-11-25T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Detect_LastDeliveryFarAboveTheLimits_IsAProcessSignalWithItsFigures()
    {
        // Ten deliveries at 10/1000, then 60/1000. p̄ = 160/11000 = 0.0145455, σ at n = 1000 is √(p̄(1 − p̄)/1000) = 0.0037860,
        // UCL = p̄ + 3σ = 0.0259035 by hand: 0.06 is far beyond it.
        var series = Series([.. Enumerable.Repeat(10.0, 10), 60.0]);

        var finding = ProcessSignals.Detect(Batch("b10"), MonitoredMetric.GoldErrorRate, series, SeriesSettings.Defaults, Day);

        Assert.NotNull(finding);
        Assert.Equal((FindingKind.ProcessSignal, "spc:gold-error-rate"), (finding.Kind, finding.ErrorTypeKey));
        Assert.Equal(0.06, finding.Evidence.Single(e => e.Name == "value").Value);
        Assert.Equal(160.0 / 11000, finding.Evidence.Single(e => e.Name == "center").Value!.Value, 9);
        Assert.Equal(0.0259035, finding.Evidence.Single(e => e.Name == "ucl").Value!.Value, 1e-6);
        Assert.Contains("BeyondLimits", finding.Evidence.Single(e => e.Name == "rules").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_SteadySeries_RaisesNothing()
    {
        // Every point on the centre line: z = 0, no limit crossed and no run on either side.
        var steady = Series([.. Enumerable.Repeat(10.0, 11)]);

        Assert.Null(ProcessSignals.Detect(Batch("b10"), MonitoredMetric.GoldErrorRate, steady, SeriesSettings.Defaults, Day));
        Assert.Null(ProcessSignals.Detect(Batch("not-in-the-series"), MonitoredMetric.GoldErrorRate, steady, SeriesSettings.Defaults, Day));
    }

    [Fact]
    public void Detect_WarmingUp_RaisesNothingEvenForASpike()
    {
        // Five deliveries are fewer than the 8 a baseline needs.
        var series = Series([10, 10, 10, 10, 600]);

        Assert.Null(ProcessSignals.Detect(Batch("b4"), MonitoredMetric.GoldErrorRate, series, SeriesSettings.Defaults, Day));
    }

    [Theory]
    [InlineData("nelson", "Nelson3")]
    [InlineData("we", null)]
    public void Detect_SixRisingDeliveriesWithinOneSigma_SignalsUnderNelsonRulesOnly(string rules, string? expected)
    {
        // n = 1000 throughout. Baseline (the standard's 10): 36, 44, 32, 48, 36, 44, 32, 48, 36, 44, so p̄ = 400/10000 = 0.04
        // and σ = √(0.04·0.96/1000) = 0.0061968; no point is beyond 2σ (|z| ≤ 1.29). Then 35, 36, 37, 38, 39, 40 against
        // those frozen limits: z = −0.81 … 0, six points in a row increasing, all within 1σ. Nelson's rule 3 (six points
        // steadily increasing) is completed by the last one; Western Electric has no trend rule, and none of its rules
        // holds there (no point beyond 2σ, none beyond 1σ after the baseline, at most 5 in a row on one side).
        var series = Series([.. RisingWithinOneSigma, 40]);
        var standard = StandardDocument.Parse(GoldStandard("lidar", $"spc:\n  rules: {rules}\n  baseline: 10\n  charts: {{gold-error-rate: p}}\n"), null);

        var finding = ProcessSignals.Detect(
            Batch("b15"), MonitoredMetric.GoldErrorRate, series, SeriesSettings.Of(standard, MonitoredMetric.GoldErrorRate), Day);

        Assert.Equal(expected, finding?.Evidence.Single(e => e.Name == "rules").Detail?.Split(';')[0]);
        if (finding is not null)
        {
            Assert.Equal(0.04, finding.Evidence.Single(e => e.Name == "center").Value!.Value, 12);
            Assert.Contains("nelson rules (standard lidar@1.0.0), baseline of 10 deliveries (standard lidar@1.0.0)",
                finding.Evidence.Single(e => e.Name == "rules").Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Of_StandardWithoutSpcOrWithoutAChartForTheMetric_KeepsTheDefaultsItDoesNotSet()
    {
        var withoutSpc = StandardDocument.Parse(GoldStandard("lidar", ""), null);
        var nelson = StandardDocument.Parse(GoldStandard("lidar", "spc:\n  rules: nelson\n  charts: {alpha: individuals}\n"), null);

        Assert.Equal(SeriesSettings.Defaults, SeriesSettings.Of(null, MonitoredMetric.Alpha));
        Assert.Equal(SeriesSettings.Defaults, SeriesSettings.Of(withoutSpc, MonitoredMetric.Alpha));
        var alpha = SeriesSettings.Of(nelson, MonitoredMetric.Alpha);
        Assert.Equal((RuleSet.Nelson, 20, ChartKind.Individuals, "standard lidar@1.0.0"), (alpha.Rules, alpha.Baseline, alpha.Chart, alpha.ChartFrom));
        var gold = SeriesSettings.Of(nelson, MonitoredMetric.GoldErrorRate);
        Assert.Equal((null, SeriesSettings.Default), (gold.Chart, gold.ChartFrom));
        var queried = gold.WithQuery(ChartKind.LaneyP, null, 5);
        Assert.Equal((ChartKind.LaneyP, SeriesSettings.Query, RuleSet.Nelson, "standard lidar@1.0.0", 5, SeriesSettings.Query),
            (queried.Chart, queried.ChartFrom, queried.Rules, queried.RulesFrom, queried.Baseline, queried.BaselineFrom));
    }

    [Fact]
    public void Detect_CusumChartSignals_StatementAndEvidenceHoldNoNaN()
    {
        // Alpha alternating 0.80 and 0.82 for the 20 baseline deliveries, then falling to 0.70: the lower CUSUM crosses h.
        // A CUSUM chart has no control limits; the statement gives its sums against h instead of "limits [NaN, NaN]".
        var values = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? 0.80 : 0.82).Concat(Enumerable.Repeat(0.70, 4)).ToArray();
        var series = values.Select((v, i) => new StoredSeriesPoint("b" + i, "acme", Day.AddDays(i), "driving@1.0.0", null, null, v)).ToList();
        var standard = StandardDocument.Parse(GoldStandard("lidar", "spc:\n  charts: {alpha: cusum}\n"), null);

        var finding = ProcessSignals.Detect(Batch("b23"), MonitoredMetric.Alpha, series, SeriesSettings.Of(standard, MonitoredMetric.Alpha), Day);

        Assert.NotNull(finding);
        Assert.DoesNotContain("NaN", finding.Statement, StringComparison.Ordinal);
        Assert.Contains("Krippendorff's alpha of the weakest field (at its level) = 0.7, CUSUM C+ = 0 and C− = ", finding.Statement, StringComparison.Ordinal);
        var lcl = finding.Evidence.Single(e => e.Name == "lcl");
        Assert.Equal((null, "a CUSUM chart has no control limits; its sums are held against h"), (lcl.Value, lcl.UndefinedReason));
        Assert.True(finding.Evidence.Single(e => e.Name == "cusumLower").Value > finding.Evidence.Single(e => e.Name == "h").Value);
        Assert.DoesNotContain("NaN", ReportJson.Serialize(finding), StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_BaselineSpikeWithASystemError_IsDroppedFromTheLimitsAndTheNextShiftSignals()
    {
        // 20 baseline deliveries at 10/1000 except b3 at 60/1000, then b20 at 20/1000 (Phase II), on a p chart.
        // b3 raised a system error: an assignable cause, so Montgomery's procedure drops it: p̄ = 190/19000 = 0.01,
        // UCL = 0.01 + 3·√(0.01·0.99/1000) = 0.0194393 (by hand), and b20 is beyond it. Without a cause b3 stays:
        // p̄ = 250/20000 = 0.0125 and UCL 0.0230401 hide b20.
        var counts = Enumerable.Repeat(10.0, 21).ToArray();
        counts[3] = 60;
        counts[20] = 20;
        var series = Series(counts);
        var settings = SeriesSettings.Defaults with { Chart = ChartKind.P };
        var systemError = SystemErrorIn("b3");

        var withCause = ProcessSignals.Detect(Batch("b20"), MonitoredMetric.GoldErrorRate, series, settings, Day, AssignableCauses.Of([systemError]));
        var withoutCause = ProcessSignals.Detect(Batch("b20"), MonitoredMetric.GoldErrorRate, series, settings, Day, AssignableCauses.Of([]));

        Assert.NotNull(withCause);
        Assert.Equal(0.01, withCause.Evidence.Single(e => e.Name == "center").Value!.Value, 1e-12);
        Assert.Equal(0.0194393, withCause.Evidence.Single(e => e.Name == "ucl").Value!.Value, 1e-6);
        Assert.Null(withoutCause);
    }

    [Fact]
    public void AssignableCauses_OnlyDiagnosingFindingsNameACause()
    {
        var systemError = SystemErrorIn("b3");
        var individual = systemError with { Kind = FindingKind.IndividualError, ErrorTypeKey = "miss:car", Annotators = ["ann-02"], Batches = ["b3", "b5"] };
        var signal = systemError with { Kind = FindingKind.ProcessSignal, ErrorTypeKey = "spc:gold-error-rate", Batches = ["b7"] };
        var structural = systemError with { Kind = FindingKind.Structural, ErrorTypeKey = "missed|tag.time_of_day=night", Batches = ["b9"] };

        var causes = AssignableCauses.Of([signal, individual, systemError, structural]);

        Assert.Equal(["b3", "b5", "b9"], causes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("structural on missed|tag.time_of_day=night", causes["b9"]);
        Assert.Equal("individualError on miss:car (ann-02); systemError on confusion:cyclist>pedestrian", causes["b3"]);
        Assert.Equal("individualError on miss:car (ann-02)", causes["b5"]);
    }

    /// <summary>Counts per 1000 of the 15 deliveries before one of 40 that completes six points rising within 1σ.</summary>
    internal static double[] RisingWithinOneSigma => [36, 44, 32, 48, 36, 44, 32, 48, 36, 44, 35, 36, 37, 38, 39];

    /// <summary>A standard named <paramref name="pipeline"/>, version 1.0.0, with one lenient gold-error-rate rule and <paramref name="sections"/>.</summary>
    internal static string GoldStandard(string pipeline, string sections) =>
        $"standard: {pipeline}\nversion: 1.0.0\nrules:\n  - metric: gold-error-rate\n    max: 0.5\n{sections}";

    private static Finding SystemErrorIn(string batch) => new()
    {
        Pipeline = "lidar",
        Kind = FindingKind.SystemError,
        ErrorTypeKey = "confusion:cyclist>pedestrian",
        Severity = FindingSeverity.High,
        Batches = [batch],
        Statement = "s",
        Action = "a",
        FirstSeen = Day,
        LastSeen = Day,
    };

    private static SeriesBatch Batch(string id) => new("lidar", "acme", id, Day, "driving@1.0.0");

    private static List<StoredSeriesPoint> Series(double[] counts) =>
        [.. counts.Select((c, i) => new StoredSeriesPoint("b" + i, "acme", Day.AddDays(i), "driving@1.0.0", c, 1000, null))];
}
