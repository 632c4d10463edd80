using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Quality.Domain.Matching;

namespace Quality.Domain.Tests.Matching;

/// <summary>Invariants of the optimal matching over random small matrices, checked against brute force and greedy.</summary>
public sealed class MatchingProperties
{
    private const double Threshold = 0.3;

    /// <summary>0..6 × 0..6 matrices; values on a coarse grid of tenths so that ties are frequent.</summary>
    private static readonly Arbitrary<double[,]> Matrices = Gen.Choose(0, 6).SelectMany(rows => Gen.Choose(0, 6).SelectMany(columns =>
        Gen.Choose(0, 10).Select(v => v / 10.0).ArrayOf(rows * columns).Select(values => ToMatrix(rows, columns, values))))
        .ToArbitrary();

    [Property]
    public Property Compute_IsAOneToOneMatchingOfEligiblePairs() => Prop.ForAll(Matrices, s =>
    {
        var matching = MaximumWeightMatching.Compute(s, Threshold);
        var pairs = matching.Pairs;
        return pairs.Select(p => p.Left).Distinct().Count() == pairs.Count
            && pairs.Select(p => p.Right).Distinct().Count() == pairs.Count
            && pairs.All(p => p.Similarity >= Threshold && p.Similarity == s[p.Left, p.Right])
            && pairs.All(p => matching.RightOf(p.Left) == p.Right && matching.LeftOf(p.Right) == p.Left)
            && matching.UnmatchedLeft().Count() + pairs.Count == s.GetLength(0)
            && matching.UnmatchedRight().Count() + pairs.Count == s.GetLength(1);
    });

    [Property(MaxTest = 500)]
    public Property Compute_TotalEqualsBruteForceMaximum() => Prop.ForAll(Matrices, s =>
        Math.Abs(MaximumWeightMatching.Compute(s, Threshold).TotalSimilarity - BruteForceMaximum(s)) < 1e-9);

    [Property]
    public Property Compute_TotalAtLeastGreedy() => Prop.ForAll(Matrices, s =>
        MaximumWeightMatching.Compute(s, Threshold).TotalSimilarity >= Greedy(s) - 1e-9);

    [Property(MaxTest = 500)]
    public Property Compute_IsTheLexicographicallySmallestOptimum() => Prop.ForAll(Matrices, s =>
    {
        var matching = MaximumWeightMatching.Compute(s, Threshold);
        var best = BruteForceLexicographicOptimum(s);
        var actual = Enumerable.Range(0, s.GetLength(0)).Select(matching.RightOf).ToArray();
        return actual.SequenceEqual(best).Label($"rights by left {string.Join(",", actual)}, brute force {string.Join(",", best)}");
    });

    [Property]
    public Property Compute_RowsAndColumnsPermuted_SameTotal() => Prop.ForAll(Matrices, ArbMap.Default.ArbFor<int>(), (s, seed) =>
    {
        var random = new Random(seed);
        int rows = s.GetLength(0), columns = s.GetLength(1);
        var rowOrder = Enumerable.Range(0, rows).ToArray();
        var columnOrder = Enumerable.Range(0, columns).ToArray();
        random.Shuffle(rowOrder);
        random.Shuffle(columnOrder);
        var permuted = MaximumWeightMatching.Compute(rows, columns, (i, j) => s[rowOrder[i], columnOrder[j]], Threshold);
        var transposed = MaximumWeightMatching.Compute(columns, rows, (j, i) => s[i, j], Threshold);
        var total = MaximumWeightMatching.Compute(s, Threshold).TotalSimilarity;
        return Math.Abs(permuted.TotalSimilarity - total) < 1e-9 && Math.Abs(transposed.TotalSimilarity - total) < 1e-9;
    });

    internal static double[,] ToMatrix(int rows, int columns, double[] values)
    {
        var matrix = new double[rows, columns];
        for (var k = 0; k < values.Length; k++)
        {
            matrix[k / columns, k % columns] = values[k];
        }

        return matrix;
    }

    private static double BruteForceMaximum(double[,] s) => Assignments(s).Max(a => Total(s, a));

    // Every assignment's vector of rights by left (−1 = unmatched); the best total, then the smallest vector with −1 last.
    private static int[] BruteForceLexicographicOptimum(double[,] s)
    {
        var all = Assignments(s);
        var best = all.Max(a => Total(s, a));
        return all.Where(a => Math.Abs(Total(s, a) - best) < 1e-9)
            .OrderBy(a => a, Comparer<int[]>.Create(CompareUnmatchedLast))
            .First();
    }

    private static int CompareUnmatchedLast(int[] a, int[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            int x = a[i] < 0 ? int.MaxValue : a[i], y = b[i] < 0 ? int.MaxValue : b[i];
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return 0;
    }

    private static double Total(double[,] s, int[] assignment) =>
        assignment.Select((j, i) => j < 0 ? 0 : s[i, j]).Sum();

    private static List<int[]> Assignments(double[,] s)
    {
        int rows = s.GetLength(0), columns = s.GetLength(1);
        var current = new int[rows];
        var taken = new bool[columns];
        var results = new List<int[]>();
        void Visit(int i)
        {
            if (i == rows)
            {
                results.Add((int[])current.Clone());
                return;
            }

            current[i] = -1;
            Visit(i + 1);
            for (var j = 0; j < columns; j++)
            {
                if (!taken[j] && s[i, j] >= Threshold)
                {
                    taken[j] = true;
                    current[i] = j;
                    Visit(i + 1);
                    taken[j] = false;
                }
            }
        }

        Visit(0);
        return results;
    }

    // nuScenes-style greedy: pairs in descending similarity, each kept when both objects are still free.
    private static double Greedy(double[,] s)
    {
        var pairs = from i in Enumerable.Range(0, s.GetLength(0))
                    from j in Enumerable.Range(0, s.GetLength(1))
                    where s[i, j] >= Threshold
                    orderby s[i, j] descending
                    select (i, j);
        var left = new HashSet<int>();
        var right = new HashSet<int>();
        double total = 0;
        foreach (var (i, j) in pairs)
        {
            if (!left.Contains(i) && !right.Contains(j))
            {
                left.Add(i);
                right.Add(j);
                total += s[i, j];
            }
        }

        return total;
    }
}
