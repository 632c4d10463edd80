using System.Globalization;

namespace Quality.Domain.Matching;

/// <summary>Clusters the objects k annotators drew on one item into consensus objects, one observation per annotator at most.</summary>
/// <remarks>
/// <para>
/// Constrained agglomerative clustering (average linkage, complete-linkage threshold). Every observation starts as
/// its own cluster. Two clusters may merge when they share no annotator and every pair across them has similarity
/// ≥ τ (so every two observations of a consensus object overlap at least τ); among the mergeable pairs the one with
/// the highest mean cross-pair similarity merges first, and so on until no pair may merge. For k = 2 this is the
/// greedy matching, not the optimal one: finding the best partition into one-per-annotator groups is the
/// multidimensional assignment problem, NP-hard for k ≥ 3, and the greedy merge of the most similar groups is the
/// usual, explainable compromise.
/// </para>
/// <para>
/// Deterministic and independent of the order annotators are given in: annotators are taken in ordinal order of
/// their ids and objects in index order, mean similarities are compared exactly (integer units of 10⁻⁹,
/// <see cref="SimilarityUnits"/>), and a tie merges the pair whose smallest observations come first in that order.
/// Only pairs of different annotators are evaluated, each once, with the observation of the ordinally smaller
/// annotator first (the similarity is assumed symmetric). The work is done per connected component of the pairs
/// ≥ τ, so the cost grows with the size of clusters of overlapping objects, not of the item.
/// </para>
/// <para>
/// The result lists every observation exactly once: objects seen by a single annotator are consensus objects with one
/// observation. Objects are ordered by their first observation, observations by annotator.
/// </para>
/// </remarks>
public static class ConsensusClustering
{
    /// <param name="objectCounts">How many objects each annotator drew on the item.</param>
    /// <param name="similarity">Similarity in [0, 1] of two observations of different annotators.</param>
    public static IReadOnlyList<ConsensusObject> Cluster(
        IReadOnlyDictionary<string, int> objectCounts,
        Func<Observation, Observation, double> similarity,
        double threshold = MaximumWeightMatching.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(objectCounts);
        ArgumentNullException.ThrowIfNull(similarity);
        MaximumWeightMatching.ValidateThreshold(threshold);

        var observations = objectCounts.OrderBy(a => a.Key, StringComparer.Ordinal)
            .SelectMany(a => Enumerable.Range(0, a.Value >= 0 ? a.Value : throw new ArgumentOutOfRangeException(nameof(objectCounts), a.Value, $"Annotator {a.Key} has a negative object count.")).Select(i => new Observation(a.Key, i)))
            .ToArray();
        var edges = EligiblePairs(observations, similarity, threshold);

        var components = new DisjointSets(observations.Length);
        foreach (var (first, second) in edges.Keys)
        {
            components.Union(first, second);
        }

        return Enumerable.Range(0, observations.Length)
            .GroupBy(components.Find)
            .SelectMany(component => Agglomerate([.. component], edges))
            .OrderBy(members => members[0])
            .Select(members => new ConsensusObject([.. members.Select(g => observations[g])]))
            .ToArray();
    }

    private static Dictionary<(int, int), long> EligiblePairs(Observation[] observations, Func<Observation, Observation, double> similarity, double threshold)
    {
        var edges = new Dictionary<(int, int), long>();
        for (var x = 0; x < observations.Length; x++)
        {
            for (var y = x + 1; y < observations.Length; y++)
            {
                if (observations[x].Annotator == observations[y].Annotator)
                {
                    continue;
                }

                var s = similarity(observations[x], observations[y]);
                if (s > 1)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Similarity {s} of {observations[x]} and {observations[y]} is above 1."), nameof(similarity));
                }

                if (s >= threshold)
                {
                    edges[(x, y)] = SimilarityUnits.From(s);
                }
            }
        }

        return edges;
    }

    // Clusters are sorted lists of observation numbers; the canonical order of observations is the tie order.
    private static List<List<int>> Agglomerate(int[] component, Dictionary<(int, int), long> edges)
    {
        var clusters = component.Select(g => new List<int> { g }).ToList();
        while (true)
        {
            (int A, int B, Int128 Sum, long Count)? best = null;
            for (var a = 0; a < clusters.Count; a++)
            {
                for (var b = a + 1; b < clusters.Count; b++)
                {
                    if (Linkage(clusters[a], clusters[b], edges) is not { } sum)
                    {
                        continue;
                    }

                    long count = clusters[a].Count * clusters[b].Count;
                    if (best is not { } current || sum * current.Count > current.Sum * count)
                    {
                        best = (a, b, sum, count);
                    }
                }
            }

            if (best is not { } merge)
            {
                return clusters;
            }

            clusters[merge.A] = [.. clusters[merge.A].Concat(clusters[merge.B]).Order()];
            clusters.RemoveAt(merge.B);
        }
    }

    // The sum of cross-pair similarities, or null when the clusters share an annotator or some cross pair is below τ.
    private static Int128? Linkage(List<int> first, List<int> second, Dictionary<(int, int), long> edges)
    {
        Int128 sum = 0;
        foreach (var x in first)
        {
            foreach (var y in second)
            {
                if (!edges.TryGetValue((Math.Min(x, y), Math.Max(x, y)), out var units))
                {
                    return null; // Same annotator (never an edge) or below τ.
                }

                sum += units;
            }
        }

        return sum;
    }
}
