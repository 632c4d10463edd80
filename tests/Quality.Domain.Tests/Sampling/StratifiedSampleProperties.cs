using FsCheck;
using FsCheck.Xunit;
using Quality.Domain.Sampling;

namespace Quality.Domain.Tests.Sampling;

public sealed class StratifiedSampleProperties
{
    private static SampleItem[] Population(byte[] strata) =>
        [.. strata.Take(40).SelectMany((size, h) => Enumerable.Range(0, (size % 30) + 1).Select(i => new SampleItem($"{h}-{i}", $"s{h % 7}-{h}", 1 + ((h * 31 + i) % 5))))];

    private static SampleOptions Options(byte size, byte minimum, bool neyman, bool weighted) => new()
    {
        Size = size,
        Seed = "prop",
        MinimumPerStratum = minimum % 6,
        Allocation = neyman ? SampleAllocation.Neyman : SampleAllocation.Proportional,
        ExpectedErrorRates = new Dictionary<string, double> { ["s1-1"] = 0.02, ["s2-2"] = 0 },
        RiskWeighted = weighted,
    };

    [Property]
    public bool Select_ShuffledInput_GivesTheSameManifest(byte[] strata, byte size, byte minimum, bool neyman, bool weighted, int shuffleSeed)
    {
        var items = Population(strata);
        var shuffled = items.OrderBy(_ => 0).ToArray();
        new Random(shuffleSeed).Shuffle(shuffled);
        var options = Options(size, minimum, neyman, weighted);

        return Same(StratifiedSample.Select(items, options), StratifiedSample.Select(shuffled, options));
    }

    [Property]
    public bool Select_SameSeed_SameSample(byte[] strata, byte size, bool weighted) =>
        Same(StratifiedSample.Select(Population(strata), Options(size, 0, false, weighted)), StratifiedSample.Select(Population(strata), Options(size, 0, false, weighted)));

    [Property]
    public bool Select_Allocation_SumsToClampedSizeWithFloorsAndCaps(byte[] strata, byte size, byte minimum, bool neyman, bool weighted)
    {
        var items = Population(strata);
        var options = Options(size, minimum, neyman, weighted);
        var manifest = StratifiedSample.Select(items, options);
        var floors = manifest.Strata.Sum(s => Math.Min(options.MinimumPerStratum, s.Population));

        return manifest.Strata.Sum(s => s.Allocated) == Math.Clamp(options.Size, floors, items.Length)
            && manifest.Items.Count == manifest.Size
            && manifest.Strata.All(s => s.Allocated >= Math.Min(options.MinimumPerStratum, s.Population) && s.Allocated <= s.Population
                && manifest.Items.Count(i => i.Stratum == s.Key) == s.Selected);
    }

    [Property]
    public bool Select_InclusionProbabilities_LieIn0To1(byte[] strata, byte size, byte minimum, bool neyman, bool weighted) =>
        StratifiedSample.Select(Population(strata), Options(size, minimum, neyman, weighted)).Items.All(i => i.InclusionProbability is > 0 and <= 1);

    [Property]
    public bool Select_DifferentSeed_UsuallyDiffers(PositiveInt seed)
    {
        var items = Population([200, 200]);
        var a = StratifiedSample.Select(items, new SampleOptions { Size = 10, Seed = "a" + seed.Get });
        var b = StratifiedSample.Select(items, new SampleOptions { Size = 10, Seed = "b" + seed.Get });

        return !a.Items.Select(i => i.ItemId).SequenceEqual(b.Items.Select(i => i.ItemId));
    }

    private static bool Same(SampleManifest a, SampleManifest b) =>
        a.Strata.SequenceEqual(b.Strata) && a.Items.SequenceEqual(b.Items) && a.Method == b.Method;
}
