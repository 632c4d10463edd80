using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Matching;

namespace Quality.Domain.Sampling;

/// <summary>What the review of one sampled unit found: the annotator's original labels held against the reviewer's.</summary>
/// <param name="Objects">The annotator's objects on the item.</param>
/// <param name="Misclassified">Objects matched to a reviewer's object of another class.</param>
/// <param name="Missed">Reviewer's objects the annotator did not draw (IoU below the class's threshold counts as missed).</param>
/// <param name="Extra">Annotator's objects the reviewer did not keep.</param>
/// <param name="TagsChanged">Tag fields both gave where the reviewer gave another value.</param>
/// <param name="Problems">Each error in words (<c>missed pedestrian</c>, <c>car labeled truck</c>, <c>weather: rain → clear</c>).</param>
public sealed record UnitReview(
    string Unit, string Item, string Annotator, int Objects, int Misclassified, int Missed, int Extra, int TagsChanged, IReadOnlyList<string> Problems)
{
    /// <summary>Any error makes the unit nonconforming (Z1.4 counts nonconforming units, not nonconformities).</summary>
    public bool Nonconforming => Misclassified + Missed + Extra + TagsChanged > 0;

    /// <summary>
    /// Compares the annotator's labels on an item with the reviewer's: objects matched as the gold audit matches them
    /// (the reviewer's as the reference, the standard's IoU thresholds), and tags field by field where both gave one —
    /// a field only the reviewer tagged is not the annotator's error.
    /// </summary>
    public static UnitReview Compare(IReadOnlyList<Annotation> original, IReadOnlyList<Annotation> review, SpatialOptions options)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(options);
        if (original.Count == 0)
        {
            throw new ArgumentException("A unit has at least one label.", nameof(original));
        }

        var (item, annotator) = (original[0].Item, original[0].Annotator);
        var outcomes = SpatialAudit.CompareObjects(review, original, options);
        var problems = new List<string>();
        foreach (var outcome in outcomes.Where(o => o.Outcome != MatchOutcome.TruePositive))
        {
            problems.Add(outcome.Outcome switch
            {
                MatchOutcome.Misclassified => $"{outcome.ReferenceClass} labeled {outcome.CandidateClass}",
                MatchOutcome.Missed => $"missed {outcome.ReferenceClass}",
                _ => $"extra {outcome.CandidateClass}",
            });
        }

        var reviewed = review.Where(a => a.IsTag).GroupBy(a => a.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Label, StringComparer.Ordinal);
        var changed = original.Where(a => a.IsTag && reviewed.TryGetValue(a.Field, out var value) && value != a.Label).ToList();
        problems.AddRange(changed.Select(a => $"{a.Field}: {a.Label} → {reviewed[a.Field]}"));
        return new UnitReview(
            ReviewUnit.IdOf(item, annotator),
            item,
            annotator,
            original.Count(a => !a.IsTag),
            outcomes.Count(o => o.Outcome == MatchOutcome.Misclassified),
            outcomes.Count(o => o.Outcome == MatchOutcome.Missed),
            outcomes.Count(o => o.Outcome == MatchOutcome.Extra),
            changed.Count,
            problems);
    }
}
