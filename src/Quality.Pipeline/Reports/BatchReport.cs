namespace Quality.Pipeline.Reports;

/// <summary>
/// The batch report's view model, in reading order: what a program lead needs first (the verdict and why), then the
/// figures with their intervals for the engineers. Built once by <see cref="BatchReportBuilder"/> from
/// <see cref="BatchReportSources"/>, rendered by <see cref="Html.BatchReportPage"/>; every section with no data carries
/// a one-sentence <c>Missing</c> instead of disappearing.
/// </summary>
public sealed record BatchReport(
    BatchIdentity Batch,
    VerdictSection Verdict,
    AgreementSection Agreement,
    ScorecardSection Scorecards,
    ConfusionSection Confusion,
    ViolationSection Violations,
    SpcSection Spc,
    FindingSection Findings,
    SampleSection Sample)
{
    /// <summary>Frame tags against gold, shown after the scorecards (section 3b).</summary>
    public TagGoldSection Tags { get; init; } = new(null, null, null, "No frame tags against gold: the batch has no frame tag with a gold key to compare with.");

    /// <summary>Where errors concentrate (the root-cause drill-down); null when the builder was not given one.</summary>
    public RootCauseSection? RootCauses { get; init; }
}
