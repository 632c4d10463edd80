using System.Text.Json;
using FsCheck.Xunit;
using Quality.Domain.Agreement;

namespace Quality.Domain.Tests.Agreement;

[Properties(Arbitrary = [typeof(RatingGenerators)])]
public sealed class KrippendorffAlphaPropertyTests
{
    private static readonly MeasurementLevel[] Levels = Enum.GetValues<MeasurementLevel>();

    [Property]
    public bool Compute_UnitsInAnyOrder_GiveTheSameBits(RatingMatrix data, int seed)
    {
        var shuffled = data.Units.ToArray();
        new Random(seed).Shuffle(shuffled);

        return SameBits(data.Patterns(), ReliabilityData.FromUnits(shuffled));
    }

    [Property]
    public bool Compute_AnnotatorsRenamed_GiveTheSameAlpha(RatingMatrix data)
    {
        // Reverses the annotators' ordinal order, so the canonical pattern order changes too.
        var renamed = ReliabilityData.FromUnits(data.Units.Select(u => u.Select(r => r with { Annotator = $"z{'9' - r.Annotator[1]}" })));

        return Levels.All(level => Close(
            KrippendorffAlpha.Compute(data.Patterns(), level).Value,
            KrippendorffAlpha.Compute(renamed, level).Value));
    }

    [Property]
    public bool Merge_AnySplitInAnyOrder_GivesTheSameBitsAsOnePass(RatingMatrix data, int seed)
    {
        var random = new Random(seed);
        var shards = Enumerable.Range(0, random.Next(1, 6)).Select(_ => new RatingPatterns()).ToArray();
        foreach (var unit in data.Units)
        {
            shards[random.Next(shards.Length)].AddUnit(unit);
        }

        // Each partial goes through its persisted JSON form, as pipeline partials do, and merges in a random order.
        random.Shuffle(shards);
        var merged = new RatingPatterns();
        foreach (var shard in shards)
        {
            var state = JsonSerializer.Deserialize<RatingPatternsState>(JsonSerializer.Serialize(shard.ToState()))!;
            merged.Merge(RatingPatterns.FromState(state));
        }

        return SameBits(data.Patterns(), merged);
    }

    [Property]
    public bool Compute_PerfectAgreement_IsOneWhenThereIsVariation(RatingMatrix data)
    {
        var agreeing = data.Units.Where(u => u.Count > 0).Select(u => u.Select(r => r with { Value = u[0].Value }).ToList()).ToList();
        var variation = agreeing.Where(u => u.Count >= 2).Select(u => u[0].Value).Distinct().Count() >= 2;

        return Levels.All(level =>
        {
            var alpha = KrippendorffAlpha.Compute(ReliabilityData.FromUnits(agreeing), level).Value;
            return variation ? alpha == 1 : double.IsNaN(alpha);
        });
    }

    [Property]
    public bool Compute_AnyData_AlphaAtMostOneAndDisagreementsNonNegative(RatingMatrix data) =>
        Levels.Select(level => KrippendorffAlpha.Compute(data.Patterns(), level)).All(alpha =>
            !alpha.IsDefined || (alpha.Value <= 1 && alpha.ObservedDisagreement >= 0 && alpha.ExpectedDisagreement > 0));

    [Property]
    public bool Compute_TwoAnnotatorsNoMissing_IsScottsPiCorrectedForSampleSize(int[] firsts, int[] seconds)
    {
        // Two raters over N units, no missing value: 1 − α = (1 − 1/(2N))·(1 − π) (Krippendorff's small-sample
        // correction of Scott's π, as irrCAC's krippen2.table states: p_a' = (1 − ε)p_a + ε, ε = 1/(2N), same p_e).
        var n = Math.Min(firsts.Length, seconds.Length);
        var q = 4;
        var table = new int[q][];
        for (var i = 0; i < q; i++)
        {
            table[i] = new int[q];
        }

        for (var u = 0; u < n; u++)
        {
            table[Math.Abs(firsts[u] % q)][Math.Abs(seconds[u] % q)]++;
        }

        var pi = ScottsPi(table);
        var alpha = KrippendorffAlpha.Compute(KrippendorffAlphaTests.TwoRaterTable(table), MeasurementLevel.Nominal).Value;
        return double.IsNaN(pi) ? double.IsNaN(alpha) : Math.Abs((1 - alpha) - (1 - 1.0 / (2 * n)) * (1 - pi)) < 1e-12;
    }

    [Fact]
    public void ScottsPi_Oracle_MatchesIrrCacScott2Table() =>
        Assert.Equal(0.7962397, ScottsPi([[13, 0, 0], [0, 20, 7], [0, 4, 56]]), 5e-8);

    /// <summary>Scott's π from a q × q table (statistics-vectors.md §5): (p_a − Σ π_k²)/(1 − Σ π_k²), π_k = (p_k+ + p_+k)/2.</summary>
    private static double ScottsPi(int[][] table)
    {
        double total = table.Sum(row => row.Sum());
        var agree = Enumerable.Range(0, table.Length).Sum(k => table[k][k]) / total;
        var chance = Enumerable.Range(0, table.Length)
            .Select(k => (table[k].Sum() + table.Sum(row => row[k])) / (2 * total))
            .Sum(p => p * p);
        return total == 0 || chance == 1 ? double.NaN : (agree - chance) / (1 - chance);
    }

    private static bool SameBits(RatingPatterns expected, RatingPatterns actual) =>
        Levels.All(level => BitConverter.DoubleToInt64Bits(KrippendorffAlpha.Compute(expected, level).Value)
            == BitConverter.DoubleToInt64Bits(KrippendorffAlpha.Compute(actual, level).Value));

    private static bool Close(double expected, double actual) =>
        double.IsNaN(expected) ? double.IsNaN(actual) : Math.Abs(expected - actual) <= 1e-12;
}
