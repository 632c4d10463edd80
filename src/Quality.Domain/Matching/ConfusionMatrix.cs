using System.Runtime.InteropServices;

namespace Quality.Domain.Matching;

/// <summary>
/// Counts of reference class × candidate class over gold comparisons, with a "missed" column and an "extra" row;
/// an accumulator whose partials merge in any order to the same figures.
/// </summary>
/// <remarks>
/// Rows are reference classes plus the <c>null</c> row, "extra" (candidate objects matching no reference object);
/// columns are candidate classes plus the <c>null</c> column, "missed" (reference objects matching nothing). Every
/// reference object is counted once, in its class's row; every candidate object once, in its class's column. The
/// cell (extra, missed) is always empty. Matched similarities are summed as integers (<see cref="SimilarityUnits"/>),
/// so means do not depend on merge order either.
/// </remarks>
public sealed class ConfusionMatrix
{
    private readonly Dictionary<(string? Reference, string? Candidate), long> _counts = [];
    private readonly Dictionary<string, (long Matches, long Units)> _similarityByReferenceClass = new(StringComparer.Ordinal);

    /// <summary>Reference and candidate classes seen, in ordinal order.</summary>
    public IReadOnlyList<string> Classes =>
        [.. _counts.Keys.SelectMany(k => new[] { k.Reference, k.Candidate }).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

    public void Add(ObjectOutcome outcome)
    {
        if (outcome.ReferenceClass is null && outcome.CandidateClass is null)
        {
            throw new ArgumentException("An outcome has a reference class, a candidate class or both.", nameof(outcome));
        }

        Increment((outcome.ReferenceClass, outcome.CandidateClass), 1);
        if (outcome.ReferenceClass is not null && outcome.CandidateClass is not null)
        {
            AddSimilarity(outcome.ReferenceClass, 1, SimilarityUnits.From(outcome.Similarity));
        }
    }

    public void AddRange(IEnumerable<ObjectOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        foreach (var outcome in outcomes)
        {
            Add(outcome);
        }
    }

    public void Merge(ConfusionMatrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (cell, count) in other._counts)
        {
            Increment(cell, count);
        }

        foreach (var (referenceClass, (matches, units)) in other._similarityByReferenceClass)
        {
            AddSimilarity(referenceClass, matches, units);
        }
    }

    /// <summary>The persisted form of a partial, in a fixed order; <see cref="FromState"/> restores it exactly.</summary>
    public ConfusionMatrixState ToState() => new(
        [.. _counts.Select(c => new ConfusionCellState(c.Key.Reference, c.Key.Candidate, c.Value))
            .OrderBy(c => c.Reference ?? "", StringComparer.Ordinal).ThenBy(c => c.Reference is null)
            .ThenBy(c => c.Candidate ?? "", StringComparer.Ordinal).ThenBy(c => c.Candidate is null)],
        [.. _similarityByReferenceClass.Select(s => new MatchedSimilarityState(s.Key, s.Value.Matches, s.Value.Units))
            .OrderBy(s => s.ReferenceClass, StringComparer.Ordinal)]);

    public static ConfusionMatrix FromState(ConfusionMatrixState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var matrix = new ConfusionMatrix();
        foreach (var cell in state.Cells)
        {
            matrix.Increment((cell.Reference, cell.Candidate), cell.Count);
        }

        foreach (var similarity in state.Similarities)
        {
            matrix.AddSimilarity(similarity.ReferenceClass, similarity.Matches, similarity.Units);
        }

        return matrix;
    }

    /// <param name="referenceClass">A reference class, or null for the "extra" row.</param>
    /// <param name="candidateClass">A candidate class, or null for the "missed" column.</param>
    public long Count(string? referenceClass, string? candidateClass) => _counts.GetValueOrDefault((referenceClass, candidateClass));

    public DetectionScore Score(string objectClass)
    {
        ArgumentNullException.ThrowIfNull(objectClass);
        var truePositives = Count(objectClass, objectClass);
        var matchedFrom = _counts.Where(e => e.Key.Reference == objectClass && e.Key.Candidate is not null).Sum(e => e.Value);
        var matchedInto = _counts.Where(e => e.Key.Candidate == objectClass && e.Key.Reference is not null).Sum(e => e.Value);
        return new DetectionScore(
            truePositives, matchedFrom - truePositives, matchedInto - truePositives, Count(objectClass, null), Count(null, objectClass),
            MeanSimilarity(_similarityByReferenceClass.GetValueOrDefault(objectClass)));
    }

    /// <summary>All classes together: a wrong class is a misclassification, neither a miss nor an extra.</summary>
    public DetectionScore Overall()
    {
        var truePositives = _counts.Where(e => e.Key.Reference is not null && e.Key.Reference == e.Key.Candidate).Sum(e => e.Value);
        var matched = _counts.Where(e => e.Key.Reference is not null && e.Key.Candidate is not null).Sum(e => e.Value);
        var missed = _counts.Where(e => e.Key.Candidate is null).Sum(e => e.Value);
        var extra = _counts.Where(e => e.Key.Reference is null).Sum(e => e.Value);
        var similarity = (Matches: _similarityByReferenceClass.Values.Sum(s => s.Matches), Units: _similarityByReferenceClass.Values.Sum(s => s.Units));
        return new DetectionScore(truePositives, matched - truePositives, matched - truePositives, missed, extra, MeanSimilarity(similarity));
    }

    private static double MeanSimilarity((long Matches, long Units) sum) =>
        sum.Matches == 0 ? double.NaN : SimilarityUnits.ToSimilarity(sum.Units) / sum.Matches;

    // One lookup per add, not a read and a write: every gold comparison outcome comes through here.
    private void Increment((string?, string?) cell, long count) => CollectionsMarshal.GetValueRefOrAddDefault(_counts, cell, out _) += count;

    private void AddSimilarity(string referenceClass, long matches, long units)
    {
        ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(_similarityByReferenceClass, referenceClass, out _);
        sum = (sum.Matches + matches, sum.Units + units);
    }
}

/// <summary>Persisted form of a <see cref="ConfusionMatrix"/>.</summary>
public sealed record ConfusionMatrixState(IReadOnlyList<ConfusionCellState> Cells, IReadOnlyList<MatchedSimilarityState> Similarities);

/// <summary>One cell: null reference = the "extra" row, null candidate = the "missed" column.</summary>
public sealed record ConfusionCellState(string? Reference, string? Candidate, long Count);

/// <summary>Matches of a reference class and their similarity summed in <see cref="SimilarityUnits"/>.</summary>
public sealed record MatchedSimilarityState(string ReferenceClass, long Matches, long Units);
