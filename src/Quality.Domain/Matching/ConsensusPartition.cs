namespace Quality.Domain.Matching;

/// <summary>
/// The optimal partition of one connected component of observations into consensus objects: the partition into groups
/// with at most one observation per annotator and every pair ≥ τ that has the largest total similarity over the pairs
/// within groups.
/// </summary>
/// <remarks>
/// <para>
/// With two annotators the groups are pairs and this is the maximum-weight matching (<see cref="MaximumWeightMatching"/>,
/// Hungarian method, polynomial). With three or more it is a clique partition (the multidimensional assignment problem,
/// NP-hard), solved exactly by search over subsets: best(S) = max over the groups G ∋ v of S's lowest observation v of
/// w(G) + best(S ∖ G), memoised on S. Components of annotated objects are small (the drawings of one physical object and
/// its touching neighbours), so the search is cheap; past <see cref="StateBudget"/> memoised subsets or
/// <see cref="StepBudget"/> candidate groups (or 64 observations) it gives up and the caller falls back to the greedy agglomeration, whose shortfall on generated data is bounded in the tests.
/// </para>
/// <para>
/// Similarities are compared exactly as integers of 10⁻⁹ (<see cref="SimilarityUnits"/>). Ties go to the partition found
/// first: groups are tried with members before without, in observation order (annotators ordinal, then index), so
/// among optimal partitions the lowest observation joins the earliest partners.
/// </para>
/// </remarks>
internal static class ConsensusPartition
{
    /// <summary>Memoised subsets at most; beyond it the component is left to the greedy agglomeration.</summary>
    public const int StateBudget = 20_000;

    /// <summary>Candidate groups tried at most, over the whole search, with the same consequence.</summary>
    public const long StepBudget = 200_000;

    /// <summary>
    /// The groups (sorted observation numbers) of a component that is no clique (<see cref="IsClique"/>: one group, which
    /// the caller takes without a search), or null when the component is too large to search exactly.
    /// </summary>
    /// <param name="members">The component's observation numbers, ascending.</param>
    public static List<List<int>>? Solve(int[] members, Dictionary<(int, int), long> edges, Func<int, string> annotatorOf)
    {
        var annotators = members.Select(annotatorOf).Distinct(StringComparer.Ordinal).Count();
        if (annotators <= 2)
        {
            return Matching(members, edges, annotatorOf);
        }

        return members.Length > 64 ? null : new Search(members, edges, annotatorOf).Run();
    }

    /// <summary>
    /// Whether the members (sorted) are of different annotators and every pair is an edge: the drawings of one
    /// object by different annotators, most components of a delivery, which need no search.
    /// </summary>
    internal static bool IsClique(ReadOnlySpan<int> members, Dictionary<(int, int), long> edges, Func<int, string> annotatorOf)
    {
        // Observations are numbered by annotator, so sorted members of one annotator are neighbours.
        for (var i = 1; i < members.Length; i++)
        {
            if (string.Equals(annotatorOf(members[i - 1]), annotatorOf(members[i]), StringComparison.Ordinal))
            {
                return false;
            }
        }

        for (var i = 0; i < members.Length; i++)
        {
            for (var j = i + 1; j < members.Length; j++)
            {
                if (!edges.ContainsKey((members[i], members[j])))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static List<List<int>> Matching(int[] members, Dictionary<(int, int), long> edges, Func<int, string> annotatorOf)
    {
        var first = annotatorOf(members[0]);
        var left = members.Where(m => annotatorOf(m) == first).ToArray();
        var right = members.Where(m => annotatorOf(m) != first).ToArray();
        var pairs = new List<ScoredPair>();
        for (var i = 0; i < left.Length; i++)
        {
            for (var j = 0; j < right.Length; j++)
            {
                if (edges.TryGetValue((Math.Min(left[i], right[j]), Math.Max(left[i], right[j])), out var units))
                {
                    pairs.Add(new ScoredPair(i, j, units / SimilarityUnits.PerSimilarity));
                }
            }
        }

        var matching = MaximumWeightMatching.Compute(left.Length, right.Length, pairs);
        return
        [
            .. matching.Pairs.Select(p => new List<int> { left[p.Left], right[p.Right] }.Order().ToList()),
            .. matching.UnmatchedLeft().Select(i => new List<int> { left[i] }),
            .. matching.UnmatchedRight().Select(j => new List<int> { right[j] }),
        ];
    }

    private sealed class Search
    {
        private readonly int[] _members;
        private readonly long[,] _weight;
        private readonly int[] _annotator;
        private readonly Dictionary<ulong, (Int128 Value, ulong Group)> _memo = [];
        private long _steps;

        public Search(int[] members, Dictionary<(int, int), long> edges, Func<int, string> annotatorOf)
        {
            _members = members;
            _weight = new long[members.Length, members.Length];
            var names = members.Select(annotatorOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            _annotator = [.. members.Select(m => names.IndexOf(annotatorOf(m)))];
            for (var i = 0; i < members.Length; i++)
            {
                for (var j = i + 1; j < members.Length; j++)
                {
                    if (edges.TryGetValue((members[i], members[j]), out var units))
                    {
                        _weight[i, j] = _weight[j, i] = units;
                    }
                }
            }
        }

        public List<List<int>>? Run()
        {
            var all = _members.Length == 64 ? ulong.MaxValue : (1UL << _members.Length) - 1;
            if (Best(all) is null)
            {
                return null;
            }

            var groups = new List<List<int>>();
            for (var left = all; left != 0;)
            {
                var group = _memo[left].Group;
                groups.Add([.. Bits(group).Select(i => _members[i])]);
                left &= ~group;
            }

            return groups;
        }

        // The best value of the subset, or null once the budget is spent.
        private Int128? Best(ulong subset)
        {
            if (subset == 0)
            {
                return 0;
            }

            if (_memo.TryGetValue(subset, out var known))
            {
                return known.Value;
            }

            if (_memo.Count >= StateBudget)
            {
                return null;
            }

            var v = System.Numerics.BitOperations.TrailingZeroCount(subset);
            var candidates = Candidates(subset, v);
            (Int128 Value, ulong Group)? best = null;
            var exhausted = false;
            void Extend(int next, ulong group, Int128 value, ulong usedAnnotators)
            {
                if (exhausted || ++_steps > StepBudget)
                {
                    exhausted = true;
                    return;
                }

                if (next == candidates.Length)
                {
                    if (Best(subset & ~group) is not { } rest)
                    {
                        exhausted = true;
                        return;
                    }

                    if (best is not { } current || value + rest > current.Value)
                    {
                        best = (value + rest, group);
                    }

                    return;
                }

                var c = candidates[next];
                if ((usedAnnotators & (1UL << _annotator[c])) == 0 && Joined(group, c) is { } added)
                {
                    Extend(next + 1, group | (1UL << c), value + added, usedAnnotators | (1UL << _annotator[c]));
                }

                Extend(next + 1, group, value, usedAnnotators);
            }

            Extend(0, 1UL << v, 0, 1UL << _annotator[v]);
            if (exhausted || best is not { } found)
            {
                return null;
            }

            _memo[subset] = found;
            return found.Value;
        }

        // The members of the subset other than v that overlap v, in index order. Bit loops rather than LINQ: the search
        // calls these for every state it extends, tens of millions of times on a large delivery.
        private int[] Candidates(ulong subset, int v)
        {
            var candidates = new List<int>(System.Numerics.BitOperations.PopCount(subset));
            for (var rest = subset; rest != 0; rest &= rest - 1)
            {
                var i = System.Numerics.BitOperations.TrailingZeroCount(rest);
                if (i != v && _weight[v, i] > 0)
                {
                    candidates.Add(i);
                }
            }

            return [.. candidates];
        }

        // The weight c adds to the group: the sum of its overlaps with every member, or null when one is 0.
        private Int128? Joined(ulong group, int c)
        {
            Int128 added = 0;
            for (var rest = group; rest != 0; rest &= rest - 1)
            {
                var weight = _weight[System.Numerics.BitOperations.TrailingZeroCount(rest), c];
                if (weight <= 0)
                {
                    return null;
                }

                added += weight;
            }

            return added;
        }

        private static IEnumerable<int> Bits(ulong set)
        {
            for (var rest = set; rest != 0; rest &= rest - 1)
            {
                yield return System.Numerics.BitOperations.TrailingZeroCount(rest);
            }
        }
    }
}
