using System.Globalization;
using System.Runtime.InteropServices;

namespace Quality.Domain.Matching;

/// <summary>
/// The maximum-weight one-to-one matching between two object sets of one item, among pairs whose similarity reaches
/// a threshold τ. Class-agnostic: classes are compared afterwards (<see cref="GoldComparison"/>).
/// </summary>
/// <remarks>
/// <para>
/// Optimal, not greedy: nuScenes' devkit (statistics-vectors.md §9.4) and most tools take pairs in descending score
/// and keep the first free partner, which for similarities [[0.9, 0.8], [0.8, 0.1]] takes 0.9 + 0.1 = 1.0 where
/// 0.8 + 0.8 = 1.6 is possible. Here the eligible pairs (similarity ≥ τ) form a bipartite graph; each connected
/// component is solved exactly by the Hungarian method (<see cref="ComponentAssignment"/>, O(c³) in the component's
/// size c), so an item with many small clusters of overlapping objects costs little more than its pairs.
/// </para>
/// <para>
/// Similarities are compared as multiples of 10⁻⁹ (<see cref="SimilarityUnits"/>): two matchings whose totals differ
/// by less than the rounding are tied. Ties are broken exactly, not by perturbation: among maximum-weight matchings the one
/// whose vector of right indices by left index is lexicographically smallest is returned (an unmatched left counts
/// as after every right), so the result depends only on the similarities and the indices.
/// </para>
/// <para>
/// Similarities must lie in [0, 1] (IoU and the like); NaN never makes a pair eligible. τ must lie in (0, 1].
/// </para>
/// </remarks>
public static class MaximumWeightMatching
{
    public const double DefaultThreshold = 0.5;

    /// <summary>Matches on a dense matrix: rows are left objects, columns right objects.</summary>
    public static BipartiteMatching Compute(double[,] similarity, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(similarity);
        return Compute(similarity.GetLength(0), similarity.GetLength(1), (i, j) => similarity[i, j], threshold);
    }

    /// <summary>Matches with a similarity evaluated for every left–right pair.</summary>
    public static BipartiteMatching Compute(int leftCount, int rightCount, Func<int, int, double> similarity, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(similarity);
        ValidateThreshold(threshold);
        return Compute(leftCount, rightCount, AllPairs(leftCount, rightCount, similarity).Where(p => p.Similarity >= threshold));
    }

    /// <summary>Matches on a sparse set of eligible pairs: the caller has applied its thresholds (per class, say).</summary>
    /// <exception cref="ArgumentException">A pair is out of range, repeated, or its similarity is not in (0, 1].</exception>
    public static BipartiteMatching Compute(int leftCount, int rightCount, IEnumerable<ScoredPair> eligiblePairs)
    {
        ArgumentNullException.ThrowIfNull(eligiblePairs);
        var scratch = new MatchingScratch();
        Match(leftCount, rightCount, [.. eligiblePairs], scratch);
        return new BipartiteMatching(leftCount, rightCount, scratch.Matched);
    }

    /// <summary>
    /// The matching of <see cref="Compute(int, int, IEnumerable{ScoredPair})"/> into <paramref name="scratch"/>'s
    /// <see cref="MatchingScratch.Matched"/>, in ascending left index, with no storage of its own.
    /// </summary>
    internal static void Match(int leftCount, int rightCount, ReadOnlySpan<ScoredPair> pairs, MatchingScratch scratch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leftCount);
        ArgumentOutOfRangeException.ThrowIfNegative(rightCount);
        Validate(leftCount, rightCount, pairs);

        var components = scratch.Components;
        components.Reset(leftCount + rightCount);
        foreach (var pair in pairs)
        {
            components.Union(pair.Left, leftCount + pair.Right);
        }

        // Components in order of their first pair, each's pairs in the given order. Most components of a frame are one
        // pair (an object and its own redrawing), which is its own matching: only larger ones are gathered and solved.
        var roots = scratch.Roots(pairs.Length);
        var size = scratch.ComponentSizes(leftCount + rightCount);
        for (var p = 0; p < pairs.Length; p++)
        {
            size[roots[p] = components.Find(pairs[p].Left)]++;
        }

        var matched = scratch.Matched;
        matched.Clear();
        for (var p = 0; p < pairs.Length; p++)
        {
            if (size[roots[p]] == 1)
            {
                matched.Add(pairs[p]);
            }
            else if (size[roots[p]] > 1)
            {
                var root = roots[p];
                var component = new ScoredPair[size[root]];
                for (int q = p, added = 0; added < component.Length; q++)
                {
                    if (roots[q] == root)
                    {
                        component[added++] = pairs[q];
                    }
                }

                matched.AddRange(MatchComponent(component));
                size[root] = 0; // solved
            }
        }

        // One-to-one: no two pairs share a left, so any sort by left gives the one order.
        if (!IsAscendingByLeft(CollectionsMarshal.AsSpan(matched)))
        {
            matched.Sort(static (p, q) => p.Left.CompareTo(q.Left));
        }
    }

    internal static IEnumerable<ScoredPair> AllPairs(int leftCount, int rightCount, Func<int, int, double> similarity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leftCount);
        ArgumentOutOfRangeException.ThrowIfNegative(rightCount);
        for (var i = 0; i < leftCount; i++)
        {
            for (var j = 0; j < rightCount; j++)
            {
                yield return new ScoredPair(i, j, similarity(i, j));
            }
        }
    }

    internal static void ValidateThreshold(double threshold)
    {
        if (!(threshold > 0 && threshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "A matching threshold lies in (0, 1].");
        }
    }

    private static void Validate(int leftCount, int rightCount, ReadOnlySpan<ScoredPair> pairs)
    {
        // Pairs in strictly ascending (left, right) order, as a sweep gives them, cannot repeat: the set is needed only otherwise.
        var seen = IsStrictlyAscending(pairs) ? null : new HashSet<(int, int)>(pairs.Length);
        foreach (var pair in pairs)
        {
            if ((uint)pair.Left >= (uint)leftCount || (uint)pair.Right >= (uint)rightCount)
            {
                throw new ArgumentException($"Pair ({pair.Left}, {pair.Right}) is outside {leftCount} × {rightCount} objects.", nameof(pairs));
            }

            if (!(pair.Similarity > 0 && pair.Similarity <= 1))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Pair ({pair.Left}, {pair.Right}) has similarity {pair.Similarity}; eligible similarities lie in (0, 1]."), nameof(pairs));
            }

            if (seen?.Add((pair.Left, pair.Right)) == false)
            {
                throw new ArgumentException($"Pair ({pair.Left}, {pair.Right}) is given twice.", nameof(pairs));
            }
        }
    }

    private static bool IsStrictlyAscending(ReadOnlySpan<ScoredPair> pairs)
    {
        for (var p = 1; p < pairs.Length; p++)
        {
            var (pair, previous) = (pairs[p], pairs[p - 1]);
            if (pair.Left < previous.Left || (pair.Left == previous.Left && pair.Right <= previous.Right))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAscendingByLeft(ReadOnlySpan<ScoredPair> pairs)
    {
        for (var p = 1; p < pairs.Length; p++)
        {
            if (pairs[p].Left < pairs[p - 1].Left)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<ScoredPair> MatchComponent(ScoredPair[] pairs)
    {
        if (pairs.Length == 1)
        {
            return pairs;
        }

        // Local indices keep the global order, so the lexicographic tie rule is the global one.
        var lefts = pairs.Select(p => p.Left).Distinct().Order().ToArray();
        var rights = pairs.Select(p => p.Right).Distinct().Order().ToArray();
        var weight = new long[lefts.Length, rights.Length];
        var similarity = new Dictionary<(int, int), double>();
        foreach (var pair in pairs)
        {
            weight[Array.BinarySearch(lefts, pair.Left), Array.BinarySearch(rights, pair.Right)] = SimilarityUnits.From(pair.Similarity);
            similarity[(pair.Left, pair.Right)] = pair.Similarity;
        }

        var rightOf = ComponentAssignment.Solve(weight);
        return Enumerable.Range(0, lefts.Length)
            .Where(i => rightOf[i] >= 0)
            .Select(i => new ScoredPair(lefts[i], rights[rightOf[i]], similarity[(lefts[i], rights[rightOf[i]])]));
    }
}
