using Quality.Domain.Audit;
using Quality.Domain.Findings;
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

        var finding = ProcessSignals.Detect(Batch("b10"), MonitoredMetric.GoldErrorRate, series, Day);

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

        Assert.Null(ProcessSignals.Detect(Batch("b10"), MonitoredMetric.GoldErrorRate, steady, Day));
        Assert.Null(ProcessSignals.Detect(Batch("not-in-the-series"), MonitoredMetric.GoldErrorRate, steady, Day));
    }

    [Fact]
    public void Detect_WarmingUp_RaisesNothingEvenForASpike()
    {
        // Five deliveries are fewer than the 8 a baseline needs.
        var series = Series([10, 10, 10, 10, 600]);

        Assert.Null(ProcessSignals.Detect(Batch("b4"), MonitoredMetric.GoldErrorRate, series, Day));
    }

    private static SeriesBatch Batch(string id) => new("lidar", "acme", id, Day, "driving@1.0.0");

    private static List<StoredSeriesPoint> Series(double[] counts) =>
        [.. counts.Select((c, i) => new StoredSeriesPoint("b" + i, "acme", Day.AddDays(i), "driving@1.0.0", c, 1000, null))];
}
