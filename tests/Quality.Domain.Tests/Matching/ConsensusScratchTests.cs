using Quality.Domain.Matching;

namespace Quality.Domain.Tests.Matching;

/// <summary>One consensus scratch reused over items of growing and shrinking size clusters each as fresh storage does.</summary>
public sealed class ConsensusScratchTests
{
    [Fact]
    public void Cluster_ReusedScratch_EqualsTheClusteringOfEachItemAlone()
    {
        var random = new Random(7);
        var scratch = new ConsensusScratch();
        foreach (var (annotators, objects) in new[] { (4, 12), (2, 3), (3, 0), (5, 8), (1, 4), (3, 15) })
        {
            // Objects on a line of 0..6: similarity 1 − distance, so overlaps form chains and cliques of several annotators.
            var positions = Enumerable.Range(0, annotators)
                .ToDictionary(k => $"annotator{k}", _ => Enumerable.Range(0, random.Next(objects + 1)).Select(_ => random.NextDouble() * 6).ToArray());
            var observations = positions.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value.Select((_, i) => new Observation(p.Key, i))).ToArray();
            var overlapping = (from x in Enumerable.Range(0, observations.Length)
                               from y in Enumerable.Range(x + 1, observations.Length - x - 1)
                               where Similarity(positions, observations[x], observations[y]) > 0
                               select (x, y)).Reverse().ToArray();
            scratch.Observations.Clear();
            scratch.Observations.AddRange(observations);
            scratch.Candidates.Clear();
            scratch.Candidates.AddRange(overlapping);

            var reused = ConsensusClustering.Cluster(scratch, (x, y) => Similarity(positions, x, y), 0.5);

            var alone = ConsensusClustering.Cluster(positions.ToDictionary(p => p.Key, p => p.Value.Length), (x, y) => Similarity(positions, x, y), 0.5);
            Assert.Equal(alone.Select(o => o.Observations), reused.Select(o => o.Observations));
            Assert.Equal(observations.Length, reused.Sum(o => o.Observations.Count));
        }
    }

    private static double Similarity(Dictionary<string, double[]> positions, Observation x, Observation y) =>
        Math.Max(0, 1 - Math.Abs(positions[x.Annotator][x.Index] - positions[y.Annotator][y.Index]));
}
