using Quality.Domain.Sampling;

namespace Quality.Domain.Tests.Sampling;

public sealed class StratifiedErrorRateTests
{
    // By hand: stratum A N = 100, 10 reviewed, 2 errors; B N = 50, 5 reviewed, 2 errors. W = 2/3, 1/3.
    // p̂ = 2/3·0.2 + 1/3·0.4 = 0.266667; v_A = 0.9·0.2·0.8/9 = 0.016; v_B = 0.9·0.4·0.6/4 = 0.054;
    // v = 4/9·0.016 + 1/9·0.054 = 0.0131111; SE = 0.1145038; 95%: 0.266667 ± 1.959964·0.1145038 → [0.042243, 0.491090].
    private static readonly SampleManifest Manifest = new(
        "hand",
        "proportional+srs",
        15,
        [new StratumSample("A", 100, 10, 10), new StratumSample("B", 50, 5, 5)],
        [.. Enumerable.Range(0, 10).Select(i => new SampledItem($"a{i}", "A", 0.1)), .. Enumerable.Range(0, 5).Select(i => new SampledItem($"b{i}", "B", 0.1))]);

    private static Dictionary<string, bool> Reviews(int aErrors, int bErrors, int bReviewed = 5) => new(
        Enumerable.Range(0, 10).Select(i => KeyValuePair.Create($"a{i}", i < aErrors))
            .Concat(Enumerable.Range(0, bReviewed).Select(i => KeyValuePair.Create($"b{i}", i < bErrors))));

    [Fact]
    public void Estimate_HandComputedExample()
    {
        var estimate = StratifiedErrorRate.Estimate(Manifest, Reviews(2, 2));

        Assert.Equal(0.2666667, estimate.Rate, 1e-7);
        Assert.Equal(Math.Sqrt(0.0131111111111), estimate.StandardError, 1e-9);
        Assert.Equal(0.042243, estimate.Lower, 1e-6);
        Assert.Equal(0.491090, estimate.Upper, 1e-6);
        Assert.Equal((15, null), (estimate.Reviewed, estimate.NotDefinedReason));
    }

    [Fact]
    public void Estimate_StratumWithoutReviews_IsNotDefined()
    {
        var estimate = StratifiedErrorRate.Estimate(Manifest, Reviews(2, 0, bReviewed: 0));

        Assert.True(double.IsNaN(estimate.Rate));
        Assert.Contains("'B'", estimate.NotDefinedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_UnknownItem_Throws() =>
        Assert.Throws<ArgumentException>(() => StratifiedErrorRate.Estimate(Manifest, new Dictionary<string, bool> { ["zz"] = true }));

    [Fact]
    public void Estimate_CensusOfEveryStratum_HasNoVariance()
    {
        var items = Enumerable.Range(0, 4).Select(i => new SampleItem($"i{i}", i < 2 ? "x" : "y")).ToArray();
        var manifest = StratifiedSample.Select(items, new SampleOptions { Size = 4, Seed = "s" });

        var estimate = StratifiedErrorRate.Estimate(manifest, new Dictionary<string, bool> { ["i0"] = true, ["i1"] = false, ["i2"] = false, ["i3"] = false });

        Assert.Equal((0.25, 0.0, 0.25, 0.25), (estimate.Rate, estimate.StandardError, estimate.Lower, estimate.Upper));
    }
}
