using System.Runtime.InteropServices;

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

        var outcomes = new List<ObjectOutcome>(referenceClasses.Count + candidateClasses.Count);
        Compare(referenceClasses, candidateClasses, [.. scoredPairs], thresholds, new MatchingScratch(), outcomes);
        return outcomes;
    }

    /// <summary>
    /// The comparison of <see cref="Compare(IReadOnlyList{string}, IReadOnlyList{string}, IEnumerable{ScoredPair}, MatchingThresholds)"/>
    /// into <paramref name="outcomes"/> (cleared first), its matching done in <paramref name="scratch"/>: an audit compares
    /// frame after frame with the same storage.
    /// </summary>
    internal static void Compare(
        IReadOnlyList<string> referenceClasses,
        IReadOnlyList<string> candidateClasses,
        ReadOnlySpan<ScoredPair> scoredPairs,
        MatchingThresholds thresholds,
        MatchingScratch scratch,
        List<ObjectOutcome> outcomes)
    {
        var eligible = scratch.Eligible;
        eligible.Clear();
        foreach (var pair in scoredPairs)
        {
            if (pair.Similarity >= thresholds.For(referenceClasses[pair.Left]))
            {
                eligible.Add(pair);
            }
        }

        MaximumWeightMatching.Match(referenceClasses.Count, candidateClasses.Count, CollectionsMarshal.AsSpan(eligible), scratch);

        outcomes.Clear();
        outcomes.EnsureCapacity(referenceClasses.Count + candidateClasses.Count);
        // The matched pairs come in ascending reference index: the next one is the current reference's, or it is missed.
        var (pairs, next) = (scratch.Matched, 0);
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

        var leftOf = scratch.LeftOfRight(candidateClasses.Count);
        for (var c = 0; c < candidateClasses.Count; c++)
        {
            if (leftOf[c] < 0)
            {
                outcomes.Add(new ObjectOutcome(MatchOutcome.Extra, null, c, null, candidateClasses[c], double.NaN));
            }
        }
    }
}
