using Quality.Domain.Findings;

namespace Quality.Domain.Audit;

/// <summary>
/// A batch's errors per annotator, by error type, with their opportunities: the sufficient statistics for asking
/// whether an error is one annotator's or everyone's, and for comparing a type's rate with earlier batches.
/// <list type="bullet">
/// <item><c>confusion</c>: gold objects of <see cref="ErrorCell.Subject"/> labeled <see cref="ErrorCell.LabeledAs"/>, out of that annotator's gold objects of the class compared (<see cref="GoldObjects"/>);</item>
/// <item><c>miss</c>: gold objects of the class the annotator did not draw, out of the same;</item>
/// <item><c>rule</c>: the annotator's annotations breaking taxonomy rule <see cref="ErrorCell.Subject"/>, out of their annotations checked (<see cref="Checked"/>);</item>
/// <item><c>tag</c>: gold items of a frame-tag field and gold value (<see cref="TagSubject"/>) the annotator tagged <see cref="ErrorCell.LabeledAs"/> (null: left untagged), out of those they were compared on (<see cref="GoldTags"/>).</item>
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
    public const string Tag = "tag";

    /// <summary>Gold items compared per tag subject (<see cref="TagSubject"/>) and annotator; empty for a batch without gold tags.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> GoldTags { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, long>>();

    /// <summary>
    /// The subject of a tag error: field and gold value joined by U+001F, which a field cannot hold (fields are free of
    /// control characters), so <see cref="TagField"/> splits it back unambiguously.
    /// </summary>
    public static string TagSubject(string field, string goldValue) => $"{field}\u001f{goldValue}";

    /// <summary>(field, gold value) of a <see cref="TagSubject"/>.</summary>
    public static (string Field, string GoldValue) TagField(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var at = subject.IndexOf('\u001f', StringComparison.Ordinal);
        return (subject[..at], subject[(at + 1)..]);
    }

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

        var goldTags = new SortedDictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        foreach (var (field, annotators) in result.TagGold.Fields)
        {
            foreach (var (annotator, confusion) in annotators)
            {
                foreach (var (goldValue, tagged, count) in confusion.Cells)
                {
                    var subject = TagSubject(field, goldValue);
                    var byAnnotator = (SortedDictionary<string, long>)(goldTags.TryGetValue(subject, out var existing)
                        ? existing
                        : goldTags[subject] = new SortedDictionary<string, long>(StringComparer.Ordinal));
                    byAnnotator[annotator] = byAnnotator.GetValueOrDefault(annotator) + count;
                    if (tagged != goldValue)
                    {
                        errors.Add(new ErrorCell(Tag, subject, tagged, annotator, count));
                    }
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

        return new BatchErrorCounts(gold, checkedCounts, errors) { GoldTags = goldTags };
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

    private IEnumerable<KeyValuePair<string, long>> Opportunities(string kind, string subject) => kind switch
    {
        Rule => Checked,
        Tag => GoldTags.TryGetValue(subject, out var byAnnotator) ? byAnnotator : [],
        _ => GoldObjects.TryGetValue(subject, out var byAnnotator) ? byAnnotator : [],
    };
}
