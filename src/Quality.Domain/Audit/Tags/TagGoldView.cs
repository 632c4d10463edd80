namespace Quality.Domain.Audit.Tags;

/// <summary>
/// Frame tags against gold as every interface shows them: per field the figures over all annotators and per annotator,
/// each with its confusion. <c>GET /api/batches/{id}/tags</c> and <c>quality audit --json</c> (key <c>tagGold</c>).
/// </summary>
/// <param name="WeakestField">The field with the lowest pooled kappa against gold (then the lowest accuracy); null without gold.</param>
public sealed record TagGoldView(string? WeakestField, IReadOnlyDictionary<string, TagFieldGoldView> Fields)
{
    public static TagGoldView From(TagGoldAudit audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var fields = audit.Fields.ToDictionary(
            f => f.Key,
            f => new TagFieldGoldView(
                TagScoreView.From(audit.Pooled(f.Key)),
                f.Value.ToDictionary(a => a.Key, a => TagScoreView.From(a.Value), StringComparer.Ordinal)),
            StringComparer.Ordinal);
        var weakest = fields.OrderBy(f => f.Value.Overall.Kappa ?? double.PositiveInfinity)
            .ThenBy(f => f.Value.Overall.Accuracy ?? double.PositiveInfinity)
            .ThenBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Key).FirstOrDefault();
        return new TagGoldView(weakest, fields);
    }
}

/// <summary>One field against gold: <c>overall</c> pools every annotator's comparisons, <c>perAnnotator</c> is each one's.</summary>
public sealed record TagFieldGoldView(TagScoreView Overall, IReadOnlyDictionary<string, TagScoreView> PerAnnotator);

/// <summary>
/// Tags against gold with the counts behind them: accuracy (a missing tag counts as wrong) with its Wilson 95%
/// interval, Cohen's kappa against gold over the tagged items with its large-sample standard error and 95% interval
/// (null with the reason when undefined), and the confusion.
/// </summary>
public sealed record TagScoreView(
    long Compared, long Correct, long Missing, double? Accuracy, double[]? AccuracyCi95,
    double? Kappa, double? KappaStandardError, double[]? KappaCi95, string? KappaUndefinedReason, TagConfusionView Confusion)
{
    public static TagScoreView From(TagConfusion confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        var score = confusion.Score();
        var kappa = score.Kappa;
        return new(
            score.Compared, score.Correct, score.Missing,
            AgreementView.Defined(score.Accuracy.Value), AgreementView.Interval(score.Accuracy.Lower, score.Accuracy.Upper),
            kappa is null ? null : AgreementView.Defined(kappa.Coefficient),
            kappa is null ? null : AgreementView.Defined(kappa.StandardError),
            kappa is null ? null : AgreementView.Interval(kappa.Interval.Lower, kappa.Interval.Upper),
            kappa is null ? "no gold item compared" : kappa.UndefinedReason,
            TagConfusionView.From(confusion));
    }
}

/// <summary>Rows: gold values; columns: the tagged values, then <c>missing</c> (a gold item the annotator left untagged).</summary>
public sealed record TagConfusionView(IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<long>> Counts)
{
    public const string Missing = "missing";

    public static TagConfusionView From(TagConfusion confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        var rows = confusion.Cells.Select(c => c.Gold).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var values = confusion.Values;
        var columns = values.Select(v => (string?)v).Append(null).ToList();
        return new(
            rows,
            [.. values, Missing],
            [.. rows.Select(r => (IReadOnlyList<long>)[.. columns.Select(c => confusion.Count(r, c))])]);
    }
}
