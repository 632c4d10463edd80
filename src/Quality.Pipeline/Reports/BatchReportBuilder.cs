using Quality.Domain.Audit;
using Quality.Domain.Taxonomy;

namespace Quality.Pipeline.Reports;

/// <summary>
/// Builds the report's view model from the domain views, the same for a stored batch and an offline audit: the sections
/// in reading order, their charts rendered (<see cref="Charts"/>), and a sentence for every section without data.
/// Pure: the same sources give the same report, byte for byte.
/// </summary>
public static class BatchReportBuilder
{
    public static BatchReport Build(BatchReportSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return new BatchReport(
            sources.Batch,
            VerdictPart.Build(sources),
            AgreementPart.Build(sources),
            ScorecardPart.Build(sources),
            ConfusionPart(sources),
            ViolationPart(sources),
            SpcPart.Build(sources),
            FindingPart.Build(sources),
            SamplePart(sources))
        {
            Tags = TagGoldPart.Build(sources),
            RootCauses = RootCausePart.Build(sources),
        };
    }

    private static ConfusionSection ConfusionPart(BatchReportSources sources)
    {
        if (sources.Objects?.Audit is not { } audit || audit.PerAnnotator.Values.All(a => a.Tp is null))
        {
            return new ConfusionSection(null, null, sources.Objects is null
                ? "No confusion matrix: the batch has no boxes or cuboids."
                : "No confusion matrix: no gold key was delivered with the objects, so nothing could be compared with gold.");
        }

        var m = audit.Confusion;
        var errors = m.Counts.SelectMany((row, r) => row.Select((n, c) => (n, r, c))).Where(x => x.r != x.c || x.r == m.Rows.Count - 1).Sum(x => x.n);
        var worst = m.Counts.SelectMany((row, r) => row.Select((n, c) => (N: n, Row: m.Rows[r], Column: m.Columns[c], Off: r != c || r == m.Rows.Count - 1)))
            .Where(x => x.Off && x.N > 0).OrderByDescending(x => x.N).FirstOrDefault();
        var summary = worst.N == 0
            ? "Every gold object was found and labelled with its gold class; no extra objects."
            : $"{errors} objects are off the diagonal; the largest cell is {Describe(worst.Row, worst.Column, worst.N)}.";
        return new ConfusionSection(m, Charts.ConfusionHeatMap.Figure("confusion", "Gold class against annotated class", m.Rows, m.Columns, m.Counts, summary), null);
    }

    private static string Describe(string row, string column, long n) =>
        row == ConfusionView.None ? $"{n} extra objects labelled {column}"
        : column == ConfusionView.Missed ? $"{n} gold {row} missed"
        : $"{n} gold {row} labelled {column}";

    private static ViolationSection ViolationPart(BatchReportSources sources)
    {
        if (sources.Violations is not { } report)
        {
            return new ViolationSection(null, null, "No taxonomy check is on record for this batch.");
        }

        if (!report.Checked || report.Tally is not { } tally)
        {
            return new ViolationSection(report.Taxonomy, null,
                $"No taxonomy violations were counted: {report.NotCheckedReason ?? $"taxonomy {report.Taxonomy} was not registered when the batch was ingested"}.");
        }

        return new ViolationSection(report.Taxonomy, ViolationTally.FromState(tally).ToView(), null);
    }

    private static SampleSection SamplePart(BatchReportSources sources)
    {
        var sampleMissing = sources.Sample is not null ? null
            : sources.Missing.GetValueOrDefault("sample")
              ?? (sources.Batch.Standard is null
                  ? "No review sample: the batch has no quality standard, and the standard's sampling section is what sets the plan."
                  : $"No review sample: standard {sources.Batch.Standard} has no sampling section.");
        var dispositionMissing = sources.Disposition is not null ? null
            : sources.Missing.GetValueOrDefault("disposition")
              ?? (sources.Sample is null
                  ? "No lot disposition: without a review sample there is no lot to decide."
                  : $"No lot disposition yet: no review of the sample has been delivered (a delivery whose header says \"reviews\": \"{sources.Batch.Id}\").");
        return new SampleSection(sources.Sample, sampleMissing, sources.Disposition, dispositionMissing);
    }
}
