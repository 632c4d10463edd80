using Quality.Domain.Matching;

namespace Quality.Domain.Taxonomy;

/// <summary>
/// What <c>GET …/taxonomy</c> shows of a <see cref="ViolationTally"/>: totals, one row per rule (all rules, so a clean
/// rule shows its rate 0 and the interval's upper bound), and a page of the (rule, class) counts.
/// </summary>
public sealed record ViolationTallyView(long AnnotationsChecked, long Violations, IReadOnlyList<RuleSummaryView> Rules, ViolationCountPage Counts)
{
    internal static ViolationTallyView From(ViolationTally tally, string? rule, int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var counts = tally.Counts();
        var rules = TaxonomyRules.All.Select(r =>
        {
            var ofRule = counts.Where(c => c.Rule == r.Rule).ToList();
            var annotations = ofRule.Sum(c => c.Annotations);
            var rate = WilsonScoreInterval.Compute(annotations, tally.AnnotationsChecked);
            return new RuleSummaryView(
                r.Rule, r.Description, ofRule.Sum(c => c.Violations), annotations,
                double.IsNaN(rate.Value) ? null : rate.Value, double.IsNaN(rate.Value) ? null : [rate.Lower, rate.Upper],
                tally.Examples(r.Rule));
        }).ToList();
        var selected = counts.Where(c => rule is null || c.Rule == rule).Select(c => ViolationCountView.Of(c, tally.Checked(c.Class))).ToList();
        var page = new ViolationCountPage(offset, limit, selected.Count, selected.Skip(offset).Take(limit).ToList());
        return new ViolationTallyView(tally.AnnotationsChecked, tally.Violations, rules, page);
    }
}

/// <summary>
/// One rule's totals: <paramref name="Annotations"/> annotations broke it (<paramref name="Violations"/> times), at
/// <paramref name="Rate"/> = annotations / annotations checked with its Wilson 95% interval; null when nothing was checked.
/// </summary>
public sealed record RuleSummaryView(
    string Rule, string Description, long Violations, long Annotations, double? Rate, double[]? RateCi95, IReadOnlyList<Violation> Examples);

/// <summary>A page of (rule, class) counts: <paramref name="Total"/> rows in all, <paramref name="Items"/> from <paramref name="Offset"/>.</summary>
public sealed record ViolationCountPage(int Offset, int Limit, int Total, IReadOnlyList<ViolationCountView> Items);

/// <summary>
/// One (rule, class) row: its counts, and <paramref name="Rate"/> = annotations breaking the rule / annotations of the
/// class checked (<paramref name="Checked"/>), with its Wilson 95% interval; null when the class's checks were not counted.
/// </summary>
public sealed record ViolationCountView(string Rule, string Class, long Violations, long Annotations, long? Checked, double? Rate, double[]? RateCi95)
{
    internal static ViolationCountView Of(ViolationCount count, long? checkedOfClass)
    {
        if (checkedOfClass is not > 0)
        {
            return new(count.Rule, count.Class, count.Violations, count.Annotations, checkedOfClass, null, null);
        }

        var rate = WilsonScoreInterval.Compute(count.Annotations, checkedOfClass.Value);
        return new(count.Rule, count.Class, count.Violations, count.Annotations, checkedOfClass, rate.Value, [rate.Lower, rate.Upper]);
    }
}
