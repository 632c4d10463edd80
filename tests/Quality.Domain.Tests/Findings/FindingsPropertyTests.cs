using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Quality.Domain.Findings;

namespace Quality.Domain.Tests.Findings;

public sealed class FindingsPropertyTests
{
    private static readonly ErrorSourceOptions Fast = new() { MonteCarloReplicates = 199 };

    [Property]
    public bool Merge_SameSightingTwice_IsIdempotent(byte first, byte second, byte days)
    {
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var existing = FindingTests.Sighting($"b{first}", start);
        var incoming = FindingTests.Sighting($"b{second}", start.AddDays(days), $"seen {days}");
        var once = FindingBook.Merge(existing, incoming);

        return JsonSerializer.Serialize(FindingBook.Merge(once, incoming)) == JsonSerializer.Serialize(once);
    }

    [Property(MaxTest = 50)]
    public Property Analyze_SameSeed_SameVerdicts() => Prop.ForAll(Deliveries(), observations =>
        Render(ErrorSourceAnalysis.Analyze(observations, Fast)) == Render(ErrorSourceAnalysis.Analyze(observations, Fast)));

    [Property(MaxTest = 50)]
    public Property Analyze_AnyCounts_PValuesInUnitInterval() => Prop.ForAll(Deliveries(), observations =>
        ErrorSourceAnalysis.Analyze(observations, Fast).All(v =>
            InUnitIntervalOrNaN(v.Homogeneity.PValue) && InUnitIntervalOrNaN(v.Homogeneity.AdjustedPValue)
            && InUnitIntervalOrNaN(v.Elevation.PValue) && InUnitIntervalOrNaN(v.Elevation.AdjustedPValue)));

    [Property(MaxTest = 50)]
    public Property Analyze_PermutedAnnotatorsAndTypes_SameVerdicts() => Prop.ForAll(Deliveries(), ArbMap.Default.ArbFor<int>(), (observations, seed) =>
    {
        var random = new Random(seed);
        ErrorObservation[] shuffled = [.. observations.Select(o => o with { Annotators = [.. o.Annotators.OrderBy(_ => random.Next())] })];
        var order = Enumerable.Range(0, shuffled.Length).OrderBy(_ => random.Next()).ToArray();
        var permuted = ErrorSourceAnalysis.Analyze([.. order.Select(i => shuffled[i])], Fast);
        var original = ErrorSourceAnalysis.Analyze(observations, Fast);

        return order.Select((from, to) => Render([permuted[to]]) == Render([original[from]])).All(same => same);
    });

    private static bool InUnitIntervalOrNaN(double p) => double.IsNaN(p) || (p >= 0 && p <= 1);

    private static string Render(IEnumerable<ErrorSourceVerdict> verdicts) => string.Join("\n", verdicts.Select(v =>
        $"{v.Type.Key} {v.Source} {v.Homogeneity.PValue:R} {v.Elevation.PValue:R} {string.Join(',', v.FlaggedAnnotators)} {v.Statement}"));

    // Up to four error types, 2–6 annotators with 0–120 opportunities and rates up to 30%, with or without history.
    private static Arbitrary<ErrorObservation[]> Deliveries()
    {
        var annotator = from n in Gen.Choose(0, 120)
                        from rate in Gen.Choose(0, 30)
                        from noise in Gen.Choose(0, 3)
                        select (Opportunities: (long)n, Errors: Math.Min(n, (long)((n * rate / 100) + noise)));
        var observation = from types in Gen.Choose(0, 5)
                          from k in Gen.Choose(2, 6)
                          from counts in Gen.ArrayOf(annotator, k)
                          from history in Gen.Choose(0, 3)
                          select new ErrorObservation(
                              ErrorType.Miss($"class{types}"),
                              [.. counts.Select((c, i) => new AnnotatorErrors($"a{i}", c.Errors, c.Opportunities))],
                              history == 0 ? null : new BaselineRate(history * 20, 2000));
        var delivery = from size in Gen.Choose(1, 4)
                       from observations in Gen.ArrayOf(observation, size)
                       select observations.DistinctBy(o => o.Type.Key).ToArray();
        return Arb.From(delivery);
    }
}
