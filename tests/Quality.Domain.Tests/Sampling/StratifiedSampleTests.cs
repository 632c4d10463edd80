using Quality.Domain.Sampling;

namespace Quality.Domain.Tests.Sampling;

public sealed class StratifiedSampleTests
{
    private static SampleItem[] Items(string stratum, int count, double weight = 1) =>
        [.. Enumerable.Range(0, count).Select(i => new SampleItem($"{stratum}-{i}", stratum, weight))];

    [Fact]
    public void Select_Proportional_AllocatesByLargestRemainder()
    {
        // N = 600/300/100, n = 50: targets 30, 15, 5.
        var manifest = StratifiedSample.Select([.. Items("car", 600), .. Items("pedestrian", 300), .. Items("cyclist", 100)], new SampleOptions { Size = 50, Seed = "s" });

        Assert.Equal([("car", 30), ("cyclist", 5), ("pedestrian", 15)], manifest.Strata.Select(s => (s.Key, s.Allocated)));
        Assert.Equal("proportional+srs", manifest.Method);
        Assert.All(manifest.Items, item => Assert.Equal(item.Stratum == "car" ? 30 / 600.0 : item.Stratum == "cyclist" ? 0.05 : 0.05, item.InclusionProbability, 1e-15));
    }

    [Fact]
    public void Select_Minimum_ReviewsRareStrataWhole()
    {
        // A stroller stratum of 3 items gets all 3 (minimum 10 capped at its size); the rest shares what is left.
        var manifest = StratifiedSample.Select([.. Items("car", 997), .. Items("stroller", 3)], new SampleOptions { Size = 20, Seed = "s", MinimumPerStratum = 10 });

        Assert.Equal([("car", 17), ("stroller", 3)], manifest.Strata.Select(s => (s.Key, s.Allocated)));
        Assert.All(manifest.Items.Where(i => i.Stratum == "stroller"), item => Assert.Equal(1, item.InclusionProbability));
    }

    [Fact]
    public void Select_Neyman_FavoursStrataWithMoreVariance()
    {
        // Equal sizes, p = 0.5 and 0.1: S = 0.5 and 0.3 → n_h ∝ 5:3 → 25 and 15 of 40.
        var options = new SampleOptions
        {
            Size = 40, Seed = "s", Allocation = SampleAllocation.Neyman,
            ExpectedErrorRates = new Dictionary<string, double> { ["a"] = 0.5, ["b"] = 0.1 },
        };

        var manifest = StratifiedSample.Select([.. Items("a", 100), .. Items("b", 100)], options);

        Assert.Equal([25, 15], manifest.Strata.Select(s => s.Allocated));
    }

    [Fact]
    public void Select_RiskWeighted_HeavyItemsAreCertainAndProbabilitiesFollowWeights()
    {
        // 2 items of weight 50 and 98 of weight 1, n = 10: λ = 10·50/148 > 1 → both certain; the other 8 share λ = 8/98.
        var manifest = StratifiedSample.Select([.. Items("risky", 2, 50), .. Items("plain", 98).Select(i => i with { Stratum = "risky" })], new SampleOptions { Size = 10, Seed = "s", RiskWeighted = true });

        Assert.Equal(10, manifest.Items.Count);
        Assert.Contains(manifest.Items, i => i.ItemId == "risky-0" && i.InclusionProbability == 1);
        Assert.Contains(manifest.Items, i => i.ItemId == "risky-1" && i.InclusionProbability == 1);
        Assert.All(manifest.Items.Where(i => i.ItemId.StartsWith("plain", StringComparison.Ordinal)), i => Assert.Equal(8 / 98.0, i.InclusionProbability, 1e-12));
        Assert.Equal("proportional+sequential-poisson", manifest.Method);
    }

    [Fact]
    public void SelectionKey_IsTheDocumentedSha256Fraction()
    {
        // SHA-256("seed" 0x00 "item-1") begins 04b1b5ac91e77d7a; (that >> 11 + 0.5)/2^53, computed apart with Python hashlib.
        Assert.Equal(0.018336634284336684, SelectionKey.Uniform("seed", "item-1"));
    }

    [Fact]
    public void Select_DuplicateIdOrBadWeight_Throws()
    {
        Assert.Throws<ArgumentException>(() => StratifiedSample.Select([new SampleItem("x", "a"), new SampleItem("x", "b")], new SampleOptions { Size = 1, Seed = "s" }));
        Assert.Throws<ArgumentException>(() => StratifiedSample.Select([new SampleItem("x", "a", 0)], new SampleOptions { Size = 1, Seed = "s" }));
    }
}
