namespace Quality.Domain.Matching;

/// <summary>One item's candidate objects (an annotator's) against its reference objects (gold).</summary>
/// <remarks>
/// Maximum-weight matching (<see cref="MaximumWeightMatching"/>) ignoring classes, a pair eligible when its
/// similarity reaches the τ of the reference object's class; then each matched pair is a true positive (same class,
/// ordinal comparison) or a misclassification, each unmatched reference object is missed and each unmatched
/// candidate object is extra. Outcomes come in reference order, then the extras in candidate order.
/// </remarks>
public static class GoldComparison
{
    /// <param name="similarity">Similarity of (reference index, candidate index), e.g. BEV or 3D IoU.</param>
    public static IReadOnlyList<ObjectOutcome> Compare(
        IReadOnlyList<string> referenceClasses,
        IReadOnlyList<string> candidateClasses,
        Func<int, int, double> similarity,
        MatchingThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(referenceClasses);
        ArgumentNullException.ThrowIfNull(candidateClasses);
        ArgumentNullException.ThrowIfNull(similarity);
        return Compare(referenceClasses, candidateClasses, MaximumWeightMatching.AllPairs(referenceClasses.Count, candidateClasses.Count, similarity), thresholds);
    }

    /// <param name="scoredPairs">The (reference, candidate) pairs with their similarity; pairs not listed have similarity 0
    /// (e.g. only those a spatial index found close enough to overlap).</param>
    public static IReadOnlyList<ObjectOutcome> Compare(
        IReadOnlyList<string> referenceClasses,
        IReadOnlyList<string> candidateClasses,
        IEnumerable<ScoredPair> scoredPairs,
        MatchingThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(referenceClasses);
        ArgumentNullException.ThrowIfNull(candidateClasses);
        ArgumentNullException.ThrowIfNull(scoredPairs);
        ArgumentNullException.ThrowIfNull(thresholds);

        var eligible = scoredPairs.Where(p => p.Similarity >= thresholds.For(referenceClasses[p.Left]));
        var matching = MaximumWeightMatching.Compute(referenceClasses.Count, candidateClasses.Count, eligible);

        var outcomes = new List<ObjectOutcome>(referenceClasses.Count + candidateClasses.Count);
        // The matched pairs come in ascending reference index: the next one is the current reference's, or it is missed.
        var (pairs, next) = (matching.Pairs, 0);
        for (var r = 0; r < referenceClasses.Count; r++)
        {
            if (next < pairs.Count && pairs[next].Left == r)
            {
                var pair = pairs[next++];
                outcomes.Add(new ObjectOutcome(
                    string.Equals(referenceClasses[r], candidateClasses[pair.Right], StringComparison.Ordinal) ? MatchOutcome.TruePositive : MatchOutcome.Misclassified,
                    r, pair.Right, referenceClasses[r], candidateClasses[pair.Right], pair.Similarity));
            }
            else
            {
                outcomes.Add(new ObjectOutcome(MatchOutcome.Missed, r, null, referenceClasses[r], null, double.NaN));
            }
        }

        for (var c = 0; c < candidateClasses.Count; c++)
        {
            if (matching.LeftOf(c) < 0)
            {
                outcomes.Add(new ObjectOutcome(MatchOutcome.Extra, null, c, null, candidateClasses[c], double.NaN));
            }
        }

        return outcomes;
    }
}
