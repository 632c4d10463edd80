namespace Quality.Functions.Access;

/// <summary>
/// The route table: every HTTP function by name, the least role that may call it and what it does. The one place a
/// route's role is stated; a function missing here is refused to everyone (and a test fails). Method and route are the
/// function's own <c>[HttpTrigger]</c>.
/// </summary>
internal static class ApiRoutes
{
    public static IReadOnlyDictionary<string, ApiRoute> ByFunction { get; } = new Dictionary<string, ApiRoute>(StringComparer.Ordinal)
    {
        // Batches and their reports
        ["ListBatches"] = new(QualityRole.Reader, "List audited batches, newest first, of all pipelines or one."),
        ["GetBatch"] = new(QualityRole.Reader, "A batch: status, counts, headline agreement, verdict."),
        ["GetBatchAgreement"] = new(QualityRole.Reader, "The whole agreement suite of a completed batch."),
        ["GetBatchAudit"] = new(QualityRole.Reader, "Boxes and cuboids against gold and each other."),
        ["GetBatchConfusion"] = new(QualityRole.Reader, "The confusion matrix against gold, with missed and extra objects."),
        ["GetBatchAnnotators"] = new(QualityRole.Reader, "Every annotator's scorecard."),
        ["GetBatchAnnotator"] = new(QualityRole.Reader, "One annotator's scorecard and pairwise agreement."),
        ["GetBatchPairs"] = new(QualityRole.Reader, "The evidence: one JSON line per matched pair, miss and extra."),
        ["GetBatchViolations"] = new(QualityRole.Reader, "Taxonomy violations per rule and class."),
        ["GetBatchFindings"] = new(QualityRole.Reader, "What a batch's errors come from: system or individual."),
        ["GetBatchVerdict"] = new(QualityRole.Reader, "The batch's verdict under its standard, rule by rule."),
        ["GetBatchSample"] = new(QualityRole.Reader, "The batch's review sample."),
        ["GetBatchDisposition"] = new(QualityRole.Reader, "The decision on the batch's lot."),
        ["GetBatchReport"] = new(QualityRole.Reader, "A completed batch as one self-contained HTML report."),
        ["GetRun"] = new(QualityRole.Reader, "The batch's audit orchestration status."),
        ["SubmitDelivery"] = new(QualityRole.Reviewer, "Submit a delivery (or a review of a batch's sample) of up to 25 MiB."),
        ["CreateDeliveryUpload"] = new(QualityRole.Reviewer, "Short-lived URLs to upload a delivery of any size straight to blob storage."),

        // Findings, SPC, inspection, rollups
        ["ListFindings"] = new(QualityRole.Reader, "Findings of all pipelines or one, by status and kind."),
        ["GetFinding"] = new(QualityRole.Reader, "One finding with its evidence."),
        ["SetFindingStatus"] = new(QualityRole.Reviewer, "Acknowledge, resolve or reopen a finding."),
        ["ListSpcMetrics"] = new(QualityRole.Reader, "The metrics a pipeline's deliveries are charted by."),
        ["GetSpcChart"] = new(QualityRole.Reader, "A metric's control chart across deliveries."),
        ["GetVendorInspection"] = new(QualityRole.Reader, "Where a vendor's lots stand in the Z1.4 switching rules."),
        ["ChangeVendorInspection"] = new(QualityRole.Admin, "Resume a discontinued inspection, or approve or withdraw reduced inspection."),
        ["GetDailyRollup"] = new(QualityRole.Reader, "A day's stored rollup per pipeline."),
        ["ComputeDailyRollupNow"] = new(QualityRole.Admin, "Recompute a day's rollup now."),

        // Standards and taxonomies
        ["ListStandards"] = new(QualityRole.Reader, "Every published standard version."),
        ["GetStandard"] = new(QualityRole.Reader, "A pipeline's current standard, or one version."),
        ["PutStandard"] = new(QualityRole.Admin, "Publish a pipeline's quality standard version."),
        ["ListTaxonomies"] = new(QualityRole.Reader, "Every registered taxonomy version."),
        ["DiffTaxonomies"] = new(QualityRole.Reader, "What changed between two taxonomy versions."),
        ["GetTaxonomy"] = new(QualityRole.Reader, "A registered taxonomy version."),
        ["PutTaxonomy"] = new(QualityRole.Admin, "Register a taxonomy version."),

        // The app itself
        ["GetHealth"] = new(QualityRole.Anonymous, "Version, storage and the Durable task hub: 200 when all answer, 503 naming what does not."),

        // Who changed what
        ["ListAuditLog"] = new(QualityRole.Reader, "Every change made through the API: who, when and what, newest first."),
    };
}
