using Quality.Domain.Geometry;
using Quality.Domain.Matching;

namespace Quality.Domain.Tests.Matching;

/// <summary>
/// One scratch reused over comparisons of shrinking and growing size gives what fresh storage gives: nothing of one
/// item's matching, sweep or outcomes leaks into the next.
/// </summary>
public sealed class MatchingScratchTests
{
    private static readonly MatchingThresholds Thresholds = new() { Default = 0.3, ByClass = new Dictionary<string, double> { ["truck"] = 0.5 } };

    [Fact]
    public void GoldComparisonAndAgreement_ReusedScratch_EqualFreshComparisons()
    {
        var random = new Random(20);
        var scratch = new MatchingScratch();
        var sweep = new SweepAndPrune.Sweep();
        var (outcomes, candidates) = (new List<ObjectOutcome>(), new List<CandidatePair>());
        var reused = new DetectionAgreement();
        var merged = new DetectionAgreement();
        foreach (var size in new[] { 30, 3, 0, 12, 1, 40, 5 })
        {
            // The candidate redraws the reference with jitter, skipping some and adding a few of its own.
            var reference = Scene(random, size);
            RotatedRectangle[] candidate =
            [
                .. reference.Where(_ => random.Next(5) > 0).Select(r => r with { X = r.X + (random.NextDouble() - 0.5), Yaw = r.Yaw + (random.NextDouble() - 0.5) }),
                .. Scene(random, random.Next(3)),
            ];
            var (referenceClasses, candidateClasses) = (Classes(reference.Length), Classes(candidate.Length));
            var scored = SweepAndPrune.Candidates(reference, candidate)
                .Select(p => new ScoredPair(p.First, p.Second, IntersectionOverUnion.Of(reference[p.First], candidate[p.Second])))
                .Where(p => p.Similarity > 0)
                .ToArray();

            sweep.Candidates(reference, candidate, candidates);
            Assert.Equal(SweepAndPrune.Candidates(reference, candidate), candidates);
            GoldComparison.Compare(referenceClasses, candidateClasses, scored, Thresholds, scratch, outcomes);
            Assert.Equal(GoldComparison.Compare(referenceClasses, candidateClasses, scored.AsEnumerable(), Thresholds), outcomes);
            // Every object in exactly one row, whatever the storage held before: references in order, candidates once each.
            Assert.Equal(Enumerable.Range(0, reference.Length), outcomes.Where(o => o.Reference is not null).Select(o => o.Reference!.Value));
            Assert.Equal(Enumerable.Range(0, candidate.Length), outcomes.Where(o => o.Candidate is not null).Select(o => o.Candidate!.Value).Order());
            reused.AddItem(referenceClasses, candidateClasses, scored, Thresholds, scratch);
            merged.Merge(DetectionAgreement.Compare(referenceClasses, candidateClasses, scored.AsEnumerable(), Thresholds));
        }

        Assert.Equivalent(merged.ToState(), reused.ToState(), strict: true);
        Assert.True(reused.Matches > 50);
    }

    // Objects crowded into 12 × 12 m so that several overlap each other, not only their own redrawing.
    private static RotatedRectangle[] Scene(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => new RotatedRectangle(random.NextDouble() * 12, random.NextDouble() * 12, 4.5, 1.9, random.NextDouble() * 6.28))];

    private static string[] Classes(int count) => [.. Enumerable.Range(0, count).Select(i => i % 3 == 0 ? "truck" : "car")];
}
