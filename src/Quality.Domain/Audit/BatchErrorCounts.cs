using Quality.Domain.Findings;

namespace Quality.Domain.Audit;

/// <summary>
/// A batch's errors per annotator, by error type, with their opportunities: the sufficient statistics for asking
/// whether an error is one annotator's or everyone's, and for comparing a type's rate with earlier batches.
/// <list type="bullet">
/// <item><c>confusion</c>: gold objects of <see cref="ErrorCell.Subject"/> labeled <see cref="ErrorCell.LabeledAs"/>, out of that annotator's gold objects of the class compared (<see cref="GoldObjects"/>);</item>
/// <item><c>miss</c>: gold objects of the class the annotator did not draw, out of the same;</item>
/// <item><c>rule</c>: the annotator's annotations breaking taxonomy rule <see cref="ErrorCell.Subject"/>, out of their annotations checked (<see cref="Checked"/>).</item>
/// </list>
/// Only nonzero error cells are kept; an annotator with opportunities and no cell made no such error.
/// </summary>
public sealed record BatchErrorCounts(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> GoldObjects,
    IReadOnlyDictionary<string, long> Checked,
    IReadOnlyList<ErrorCell> Errors)
{
    public const string Confusion = "confusion";
    public const string Miss = "miss";
    public const string Rule = "rule";

    public static BatchErrorCounts Of(BatchAuditResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var gold = new SortedDictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        var errors = new List<ErrorCell>();
        foreach (var (annotator, matrix) in result.Spatial.AgainstGoldByAnnotator.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            foreach (var goldClass in matrix.Classes)
            {
                var score = matrix.Score(goldClass);
                var compared = score.TruePositives + score.FalseNegatives;
                if (compared == 0)
                {
                    continue;
                }

                var byAnnotator = (SortedDictionary<string, long>)(gold.TryGetValue(goldClass, out var existing)
                    ? existing
                    : gold[goldClass] = new SortedDictionary<string, long>(StringComparer.Ordinal));
                byAnnotator[annotator] = compared;
                foreach (var labeledAs in matrix.Classes.Where(c => c != goldClass && matrix.Count(goldClass, c) > 0))
                {
                    errors.Add(new ErrorCell(Confusion, goldClass, labeledAs, annotator, matrix.Count(goldClass, labeledAs)));
                }

                if (score.Missed > 0)
                {
                    errors.Add(new ErrorCell(Miss, goldClass, null, annotator, score.Missed));
                }
            }
        }

        var violations = result.Violations;
        var checkedCounts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (violations is not null)
        {
            foreach (var (annotator, count) in violations.CheckedByAnnotator)
            {
                checkedCounts[annotator] = count;
            }

            errors.AddRange(violations.ByAnnotator().Select(c => new ErrorCell(Rule, c.Rule, null, c.Annotator, c.Annotations)));
        }

        return new BatchErrorCounts(gold, checkedCounts, errors);
    }

    /// <summary>Every error type with at least one error, each with every annotator who had the chance to make it.</summary>
    public IEnumerable<ErrorTypeCounts> Types() =>
        Errors.GroupBy(e => (e.Kind, e.Subject, e.LabeledAs))
            .OrderBy(g => g.Key.Kind, StringComparer.Ordinal).ThenBy(g => g.Key.Subject, StringComparer.Ordinal)
            .ThenBy(g => g.Key.LabeledAs, StringComparer.Ordinal)
            .Select(g => new ErrorTypeCounts(g.Key.Kind, g.Key.Subject, g.Key.LabeledAs,
                Opportunities(g.Key.Kind, g.Key.Subject)
                    .Select(o => new AnnotatorErrors(o.Key, g.Where(e => e.Annotator == o.Key).Sum(e => e.Count), o.Value))
                    .ToList()));

    /// <summary>All annotators' errors of one type and their opportunities: (0, 0) when the batch had no chance of it.</summary>
    public (long Errors, long Opportunities) Pooled(string kind, string subject, string? labeledAs) => (
        Errors.Where(e => e.Kind == kind && e.Subject == subject && e.LabeledAs == labeledAs).Sum(e => e.Count),
        Opportunities(kind, subject).Sum(o => o.Value));

    private IEnumerable<KeyValuePair<string, long>> Opportunities(string kind, string subject) => kind == Rule
        ? Checked
        : GoldObjects.TryGetValue(subject, out var byAnnotator) ? byAnnotator : [];
}
