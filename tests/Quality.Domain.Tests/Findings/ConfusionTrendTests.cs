using Quality.Domain.Findings;

namespace Quality.Domain.Tests.Findings;

public sealed class ConfusionTrendTests
{
    private static readonly ErrorType Pair = ErrorType.Confusion("Wheelchair", "Pedestrian");

    [Fact]
    public void Analyze_StableHistoryThenJump_SignalsFromTheJump()
    {
        // 10 deliveries at 1% (3/300), then 24/300 twice; the baseline is d1–d11 (54 of 3300), p₀ = 54.5/3301.
        DeliveryCount[] deliveries = [.. Enumerable.Range(1, 10).Select(i => new DeliveryCount($"d{i}", 3, 300)), new("d11", 24, 300), new("d12", 24, 300)];

        var trend = ConfusionTrend.Analyze(Pair, deliveries);

        Assert.True(trend.Signals);
        Assert.Equal("d11", trend.FirstSignalBatch);
        Assert.Equal(10, trend.FirstSignalIndex);
        Assert.Equal((54 + 0.5) / 3301, trend.BaselineRate, 1e-12); // Jeffreys over d1–d11
        Assert.True(trend.PValue < 1e-4);
        Assert.Contains("systematic confusion rising", trend.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_StandardisedRatesAndCusum_HandComputed()
    {
        // p₀ = (0 + ½)/(100 + 1) = 0.0049505; z for 0/100 = −0.0049505/√(0.0049505·0.9950495/100) = −0.070360;
        // C⁺ stays 0 for both history points; the current 5/100: z = (0.05 − 0.0049505)/0.0070360 = 6.40271, C⁺ = 5.90271 > 4.
        var trend = ConfusionTrend.Analyze(Pair, [new("d1", 0, 50), new("d2", 0, 50), new("d3", 5, 100)]);

        var p0 = 0.5 / 101;
        var sigma = Math.Sqrt(p0 * (1 - p0) / 100);
        Assert.Equal(p0, trend.BaselineRate, 1e-15);
        Assert.Equal((0.05 - p0) / sigma, trend.Standardised[2], 1e-12);
        Assert.Equal([0, 0, ((0.05 - p0) / sigma) - 0.5], trend.CusumUpper, new Spc.ToleranceComparer(1e-12));
        Assert.True(trend.Signals);
    }

    [Fact]
    public void Analyze_SingleDelivery_NoBaselineNoSignal()
    {
        var trend = ConfusionTrend.Analyze(Pair, [new("d1", 5, 100)]);

        Assert.False(trend.Signals);
        Assert.True(double.IsNaN(trend.BaselineRate));
        Assert.Null(trend.FirstSignalBatch);
    }

    [Fact]
    public void Analyze_Empty_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfusionTrend.Analyze(Pair, []));
}
