using System.Runtime.InteropServices;

namespace Quality.Domain.Matching;

/// <summary>
/// Detection agreement between two annotators over items: F1 of their optimal matching and mean similarity of its
/// pairs, overall and per class; an accumulator whose partials merge in any order to the same figures.
/// </summary>
/// <remarks>
/// Per item the two object sets are matched with <see cref="MaximumWeightMatching"/>, a pair eligible when its
/// similarity reaches the larger of the two objects' class thresholds (so the figure is symmetric in the annotators).
/// F1 = 2·matches / (n₁ + n₂): with either annotator as the reference, precision and recall are matches/n₁ and
/// matches/n₂, and F1 is their harmonic mean. Per class c the matches are the pairs whose two objects both have class
/// c, over the objects of class c each annotator labeled. F1 is NaN when neither annotator labeled anything; the mean
/// similarity is NaN without matches.
/// </remarks>
public sealed class DetectionAgreement
{
    private readonly Dictionary<string, (long First, long Second, long Matches)> _byClass = new(StringComparer.Ordinal);
    private long _similarityUnits;

    public long FirstObjects { get; private set; }

    public long SecondObjects { get; private set; }

    public long Matches { get; private set; }

    public double F1 => F1Of(FirstObjects, SecondObjects, Matches);

    public double MeanSimilarity => Matches == 0 ? double.NaN : SimilarityUnits.ToSimilarity(_similarityUnits) / Matches;

    /// <summary>Classes either annotator labeled, in ordinal order.</summary>
    public IReadOnlyList<string> Classes => [.. _byClass.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The agreement of one item's two object sets.</summary>
    /// <param name="similarity">Similarity of (first annotator's index, second annotator's index).</param>
    public static DetectionAgreement Compare(
        IReadOnlyList<string> firstClasses,
        IReadOnlyList<string> secondClasses,
        Func<int, int, double> similarity,
        MatchingThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(firstClasses);
        ArgumentNullException.ThrowIfNull(secondClasses);
        ArgumentNullException.ThrowIfNull(similarity);
        return Compare(firstClasses, secondClasses, MaximumWeightMatching.AllPairs(firstClasses.Count, secondClasses.Count, similarity), thresholds);
    }

    /// <param name="scoredPairs">The (first, second) pairs with their similarity; pairs not listed have similarity 0.</param>
    public static DetectionAgreement Compare(
        IReadOnlyList<string> firstClasses,
        IReadOnlyList<string> secondClasses,
        IEnumerable<ScoredPair> scoredPairs,
        MatchingThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(firstClasses);
        ArgumentNullException.ThrowIfNull(secondClasses);
        ArgumentNullException.ThrowIfNull(scoredPairs);
        ArgumentNullException.ThrowIfNull(thresholds);

        var agreement = new DetectionAgreement();
        agreement.AddItem(firstClasses, secondClasses, [.. scoredPairs], thresholds, new MatchingScratch());
        return agreement;
    }

    /// <summary>
    /// Adds one item's agreement as <see cref="Merge"/> of <see cref="Compare(IReadOnlyList{string}, IReadOnlyList{string}, IEnumerable{ScoredPair}, MatchingThresholds)"/>
    /// would, its matching done in <paramref name="scratch"/>: an audit adds frame after frame with no per-item objects.
    /// </summary>
    internal void AddItem(
        IReadOnlyList<string> firstClasses,
        IReadOnlyList<string> secondClasses,
        ReadOnlySpan<ScoredPair> scoredPairs,
        MatchingThresholds thresholds,
        MatchingScratch scratch)
    {
        var eligible = scratch.Eligible;
        eligible.Clear();
        foreach (var pair in scoredPairs)
        {
            if (pair.Similarity >= Math.Max(thresholds.For(firstClasses[pair.Left]), thresholds.For(secondClasses[pair.Right])))
            {
                eligible.Add(pair);
            }
        }

        MaximumWeightMatching.Match(firstClasses.Count, secondClasses.Count, CollectionsMarshal.AsSpan(eligible), scratch);
        var matched = scratch.Matched;
        FirstObjects += firstClasses.Count;
        SecondObjects += secondClasses.Count;
        Matches += matched.Count;
        foreach (var pair in matched)
        {
            _similarityUnits += SimilarityUnits.From(pair.Similarity);
        }

        // By index: an interface's enumerator is an object per loop.
        for (var i = 0; i < firstClasses.Count; i++)
        {
            AddToClass(firstClasses[i], (1, 0, 0));
        }

        for (var j = 0; j < secondClasses.Count; j++)
        {
            AddToClass(secondClasses[j], (0, 1, 0));
        }

        foreach (var pair in matched)
        {
            if (string.Equals(firstClasses[pair.Left], secondClasses[pair.Right], StringComparison.Ordinal))
            {
                AddToClass(firstClasses[pair.Left], (0, 0, 1));
            }
        }
    }

    public void Merge(DetectionAgreement other)
    {
        ArgumentNullException.ThrowIfNull(other);
        FirstObjects += other.FirstObjects;
        SecondObjects += other.SecondObjects;
        Matches += other.Matches;
        _similarityUnits += other._similarityUnits;
        foreach (var (objectClass, counts) in other._byClass)
        {
            AddToClass(objectClass, counts);
        }
    }

    /// <summary>The persisted form of a partial; <see cref="FromState"/> restores it exactly.</summary>
    public DetectionAgreementState ToState() => new(
        FirstObjects, SecondObjects, Matches, _similarityUnits,
        [.. _byClass.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new ClassDetectionState(c.Key, c.Value.First, c.Value.Second, c.Value.Matches))]);

    public static DetectionAgreement FromState(DetectionAgreementState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var agreement = new DetectionAgreement
        {
            FirstObjects = state.FirstObjects,
            SecondObjects = state.SecondObjects,
            Matches = state.Matches,
            _similarityUnits = state.SimilarityUnits,
        };
        foreach (var c in state.Classes)
        {
            agreement.AddToClass(c.Class, (c.First, c.Second, c.Matches));
        }

        return agreement;
    }

    /// <returns>F1 over the objects of <paramref name="objectClass"/>; NaN when neither annotator used it.</returns>
    public double ClassF1(string objectClass)
    {
        ArgumentNullException.ThrowIfNull(objectClass);
        var (first, second, matches) = _byClass.GetValueOrDefault(objectClass);
        return F1Of(first, second, matches);
    }

    private static double F1Of(long first, long second, long matches) => first + second == 0 ? double.NaN : 2.0 * matches / (first + second);

    private void AddToClass(string objectClass, (long First, long Second, long Matches) counts)
    {
        ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(_byClass, objectClass, out _);
        sum = (sum.First + counts.First, sum.Second + counts.Second, sum.Matches + counts.Matches);
    }
}

/// <summary>Persisted form of a <see cref="DetectionAgreement"/>.</summary>
public sealed record DetectionAgreementState(
    long FirstObjects, long SecondObjects, long Matches, long SimilarityUnits, IReadOnlyList<ClassDetectionState> Classes);

/// <summary>Objects of one class labeled by each annotator, and matches in which both gave it.</summary>
public sealed record ClassDetectionState(string Class, long First, long Second, long Matches);
