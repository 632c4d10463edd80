using System.Text.Json.Nodes;
using Quality.Domain.Audit;
using Quality.Domain.Findings;
using Quality.Domain.ModelLinkage;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Sampling;
using Quality.Domain.Spc.Series;
using Quality.Domain.Standards;
using Quality.Domain.Taxonomy;
using Quality.Functions.Batches;
using Quality.Functions.Findings;
using Quality.Functions.Health;
using Quality.Functions.Models;
using Quality.Functions.Runs;
using Quality.Functions.Sampling;
using Quality.Functions.Spc;
using Quality.Functions.Standards;
using Quality.Functions.Taxonomies;
using Quality.Pipeline.AuditLog;
using Quality.Pipeline.Monitoring;
using Quality.Pipeline.Rollups;
using Quality.Pipeline.Sampling;
using static Quality.Functions.Access.ApiContract;

namespace Quality.Functions.Access;

/// <summary>
/// The route table: every HTTP function by name, the least role that may call it, what it does, and its whole contract
/// beyond method and route (which are the function's own <c>[HttpTrigger]</c>): query parameters, body, and every
/// answer with the serializer that writes it. The one place a route's role is stated; a function missing here is
/// refused to everyone (and a test fails). <c>/api/openapi.json</c> is generated from it, and a test holds the
/// functions' real answers to it.
/// </summary>
internal static class ApiRoutes
{
    /// <summary>Path parameters by name, as the functions check them.</summary>
    public static IReadOnlyDictionary<string, ApiField> PathParameters { get; } = new Dictionary<string, ApiField>(StringComparer.Ordinal)
    {
        ["id"] = new("id", typeof(string), "A batch, run or finding id: 32 lowercase hexadecimal digits (a batch's run has the batch's id).") { Pattern = "^[0-9a-f]{32}$" },
        ["annotatorId"] = new("annotatorId", typeof(string), "An annotator of the batch, as the delivery names them."),
        ["pipeline"] = new("pipeline", typeof(string), "A pipeline: letters, digits, '.', '_', '-'; up to 63.") { Pattern = CanonicalFormat.SafeNamePattern },
        ["vendor"] = new("vendor", typeof(string), "A vendor: letters, digits, '.', '_', '-'; up to 63.") { Pattern = CanonicalFormat.SafeNamePattern },
        ["name"] = new("name", typeof(string), "A taxonomy: letters, digits, '.', '_', '-'; up to 63.") { Pattern = CanonicalFormat.SafeNamePattern },
        ["version"] = new("version", typeof(string), "A version, major.minor.patch.") { Pattern = SemanticVersionPattern },
        ["metric"] = new("metric", typeof(string), "A monitored metric; any other is a 404.") { Values = [.. MonitoredMetric.All.Select(m => m.Name)] },
        ["model"] = new("model", typeof(string), "A model: letters, digits, '.', '_', '-'; up to 63.") { Pattern = CanonicalFormat.SafeNamePattern },
        ["modelVersion"] = new("modelVersion", typeof(string), "A version of the model as its evaluation names it (e.g. v42): letters, digits, '.', '_', '-'; up to 63.") { Pattern = CanonicalFormat.SafeNamePattern },
    };

    public static IReadOnlyDictionary<string, ApiRoute> ByFunction { get; } = new Dictionary<string, ApiRoute>(StringComparer.Ordinal)
    {
        // Batches and their reports
        ["ListBatches"] = new(QualityRole.Reader, "List audited batches, newest first, of all pipelines or one.")
        {
            Query = [PipelineFilter("Only this pipeline's batches."), Top, ContinuationToken],
            Responses = [Ok("A page of batches, newest first. Follow continuationToken until it is null; a page may be empty yet carry one.", Http<BatchListView>()), Invalid("pipeline", "top", "continuationToken")],
        },
        ["GetBatch"] = new(QualityRole.Reader, "A batch: status, counts, headline agreement, verdict.")
        {
            Responses = [Ok("The batch; undefined statistics are null.", Http<BatchView>()), Invalid("id"), NotFound("No batch with this id.")],
        },
        ["GetBatchAgreement"] = new(QualityRole.Reader, "The whole agreement suite of a completed batch.")
        {
            Responses = [Ok("The suite, as `quality audit --json` prints it under agreement.", Report<AgreementSuiteView>()), .. CompletedBatch("it completed before agreement reports existed.")],
        },
        ["GetBatchAudit"] = new(QualityRole.Reader, "Boxes and cuboids against gold and each other.")
        {
            Responses = [Ok("The gold audit and pairwise spatial agreement.", Report<SpatialReportView>()), .. CompletedBatch("it has no boxes or cuboids.")],
        },
        ["GetBatchConfusion"] = new(QualityRole.Reader, "The confusion matrix against gold, with missed and extra objects.")
        {
            Responses = [Ok("Rows: gold classes then none; columns: annotator classes then missed.", Report<ConfusionView>()), .. CompletedBatch("it has no boxes or cuboids.")],
        },
        ["GetBatchAnnotators"] = new(QualityRole.Reader, "Every annotator's scorecard.")
        {
            Responses = [Ok("Scorecards by annotator id.", Report<IReadOnlyDictionary<string, AnnotatorScoreView>>()), .. CompletedBatch("it has no boxes or cuboids.")],
        },
        ["GetBatchAnnotator"] = new(QualityRole.Reader, "One annotator's scorecard, pairwise agreement and frame tags against gold.")
        {
            Responses = [Ok("The scorecard and the annotator's pairs (null without boxes or cuboids of theirs), and their tags against gold by field (null without gold tags).", Report<AnnotatorDetailView>()),
                .. CompletedBatch("it has no such annotator among its boxes, cuboids or gold-tagged frames.")],
        },
        ["GetBatchTags"] = new(QualityRole.Reader, "Frame tags against gold: accuracy, Cohen's kappa and confusion per field and annotator.")
        {
            Responses = [Ok("Per field, pooled over annotators and per annotator, as `quality audit --json` prints it under tagGold.", Report<Quality.Domain.Audit.Tags.TagGoldView>()),
                .. CompletedBatch("it has no frame tags with a gold key.")],
        },
        ["GetBatchPairs"] = new(QualityRole.Reader, "The evidence: one JSON line per matched pair, miss and extra.")
        {
            Responses = [Ok("A download ({id}-pairs.jsonl): one line per gold comparison outcome.", JsonLines<EvidencePair>()), .. CompletedBatch("it has no boxes or cuboids compared.")],
        },
        ["GetBatchRootCauses"] = new(QualityRole.Reader, "Where errors concentrate: error kinds by stratum, interactions, and the ranked concentrations.")
        {
            Responses =
            [
                Ok("The drill-down, as `quality audit --json` prints it under rootCauses.", Report<Quality.Domain.RootCauses.RootCauseReport>()),
                .. CompletedBatch("it has no boxes or cuboids compared with gold, or completed before root causes were computed."),
            ],
        },
        ["GetBatchViolations"] = new(QualityRole.Reader, "Taxonomy violations per rule and class.")
        {
            Query =
            [
                new("rule", typeof(string), "Page only this rule's (rule, class) rows.") { Values = [.. TaxonomyRules.All.Select(r => r.Rule)] },
                new("offset", typeof(int), "(rule, class) rows to skip: 0 or more; 0 when absent."),
                new("limit", typeof(int), "(rule, class) rows per page: 1-1000; 50 when absent."),
            ],
            Responses =
            [
                Ok("Every rule with its rate and examples, and a page of (rule, class) counts; or why no taxonomy was checked.", Report<ViolationsView>()),
                Invalid("rule", "offset", "limit"), .. CompletedBatch("it completed before taxonomy checks existed."),
            ],
        },
        ["GetBatchFindings"] = new(QualityRole.Reader, "What a batch's errors come from: system or individual.")
        {
            Responses = [Ok("Every error type judged, and the findings the batch raised.", Report<BatchFindings>()), .. CompletedBatch("it has no pipeline, or completed before findings existed.")],
        },
        ["GetBatchVerdict"] = new(QualityRole.Reader, "The batch's verdict under its standard, rule by rule.")
        {
            Responses = [Ok("The verdict with every rule's reason.", Report<Verdict>()), .. CompletedBatch("its pipeline had no standard at ingest.")],
        },
        ["GetBatchSample"] = new(QualityRole.Reader, "The batch's review sample.")
        {
            Responses = [Ok("The sample, as `quality sample --json` prints it.", Report<AuditSample>()), .. CompletedBatch("its standard has no sampling plan, or it is itself a review.")],
        },
        ["GetBatchDisposition"] = new(QualityRole.Reader, "The decision on the batch's lot.")
        {
            Responses = [Ok("The lot's disposition, on the sampled batch and on the review that decided it.", Report<LotDecision>()), .. CompletedBatch("no review of its sample has been delivered.")],
        },
        ["GetBatchReport"] = new(QualityRole.Reader, "A completed batch as one self-contained HTML report.")
        {
            Responses = [Ok("The report: verdict, the figures that decided it, agreement, scorecards, confusion, violations, control charts, findings, sample and lot (docs/reports.md).", Text("text/html")), Invalid("id"), NotFound("No batch with this id."), NotCompleted],
        },
        ["GetRun"] = new(QualityRole.Reader, "The batch's audit orchestration status.")
        {
            Responses =
            [
                Ok("The audit has ended (Completed, Failed or Terminated), or the delivery was rejected on arrival (runtimeStatus null).", Http<RunStatusView>()),
                Accepted("The audit is pending or running.", "This run's status, to poll.", Http<RunStatusView>()),
                Invalid("id"), NotFound("No run with this id."),
            ],
        },
        ["SubmitDelivery"] = new(QualityRole.Reviewer, "Submit a delivery (or a review of a batch's sample) of up to 25 MiB: a canonical file, or a vendor export as it is.")
        {
            Query =
            [
                new("pipeline", typeof(string), "For a file in a vendor format (Label Studio, COCO, nuScenes, CSV): the pipeline it goes to; with vendor and deliveryId, or none of the three for a canonical file (whose header names them; given, they must be its).") { Pattern = CanonicalFormat.SafeNamePattern },
                new("vendor", typeof(string), "For a vendor file: the vendor.") { Pattern = CanonicalFormat.SafeNamePattern },
                new("deliveryId", typeof(string), "For a vendor file: the delivery's id, its folder incoming/{pipeline}/{vendor}/{deliveryId}/.") { Pattern = CanonicalFormat.SafeNamePattern },
                new("annotator", typeof(string), "For a vendor file: whose annotations it holds; required for formats that do not say (COCO, nuScenes) unless role is gold."),
                new("role", typeof(string), "For a vendor file: the role of every annotation in it; absent leaves it to the file.") { Values = DeliveryQuery.Roles },
                new("field", typeof(string), "For a units × coders CSV table: the frame-tag field its values are of; value when absent."),
                new("taxonomy", typeof(string), "For a vendor file: the taxonomy it is held to, name@major.minor.patch; none@0.0.0 (unchecked) when absent."),
            ],
            Body = new("A canonical JSON Lines delivery (docs/formats/canonical.md), header line first; or, with pipeline, vendor and deliveryId in the query, one file in a vendor format (docs/formats/manifest.md). The raw body (any Content-Type but multipart), or a form's first file.",
                Text("application/x-ndjson"), Text("application/json"), Text("text/csv"), FormFile),
            Responses =
            [
                Accepted("A canonical file stored at incoming/{pipeline}/{vendor}/{deliveryId}.jsonl; a vendor file at incoming/{pipeline}/{vendor}/{deliveryId}/{file} with a generated manifest.json uploaded last (the same bytes again: the delivery already stored). The audit starts when the blob trigger sees it.", "The run's status (/api/runs/{id}).", Http<SubmissionView>()),
                InvalidDelivery, Invalid("file", "pipeline", "vendor", "deliveryId", "annotator", "role", "field", "taxonomy"), AlreadyDelivered, TooLarge("A delivery over HTTP", Quality.Functions.Http.RequestBody.MaxDeliveryBytes),
            ],
        },
        ["CreateDeliveryUpload"] = new(QualityRole.Reviewer, "Short-lived URLs to upload a delivery of any size straight to blob storage.")
        {
            Body = new("{pipeline, vendor, deliveryId} for a single-file delivery; with files (paths in the delivery's folder, manifest.json among them) for a multi-file one; expiresInMinutes 1-120 (30 when absent).",
                Web<UploadRequest>()),
            Responses =
            [
                Ok("One create-only SAS URL per blob; PUT each with x-ms-blob-type: BlockBlob (manifest.json last), and the arrival starts the audit.", Http<UploadView>()),
                Invalid("pipeline", "vendor", "deliveryId", "files", "expiresInMinutes", "body"), .. JsonCommand,
                AlreadyDelivered,
            ],
        },

        // Findings, SPC, inspection, rollups
        ["ListFindings"] = new(QualityRole.Reader, "Findings of all pipelines or one, by status and kind.")
        {
            Query = [PipelineFilter("Only this pipeline's findings."), EnumFilter<FindingStatus>("status"), EnumFilter<FindingKind>("kind")],
            Responses = [Ok("The findings, newest first.", Report<FindingListView>()), Invalid("pipeline", "status", "kind")],
        },
        ["GetFinding"] = new(QualityRole.Reader, "One finding with its evidence.")
        {
            Responses = [Ok("The finding.", Report<Finding>()), Invalid("id"), NotFound("No finding with this id.")],
        },
        ["SetFindingStatus"] = new(QualityRole.Reviewer, "Acknowledge, resolve or reopen a finding.")
        {
            Body = new("{\"status\": \"open\" | \"acknowledged\" | \"resolved\"}, case-insensitive.", Web<FindingStatusChange>()),
            Responses = [Ok("The finding as changed.", Report<Finding>()), Invalid("id", "status", "body"), .. JsonCommand, NotFound("No finding with this id.")],
        },
        ["ListSpcMetrics"] = new(QualityRole.Reader, "The metrics a pipeline's deliveries are charted by.")
        {
            Responses = [Ok("The monitored metrics with their kinds and definitions.", Http<SpcMetricListView>()), Invalid("pipeline"), UnknownPipelineOrVendor()],
        },
        ["GetSpcChart"] = new(QualityRole.Reader, "A metric's control chart across deliveries.")
        {
            Query =
            [
                new("class", typeof(string), "The series of one object class, tag field or taxonomy rule; the whole metric's when absent."),
                new("vendor", typeof(string), "The series of one vendor's deliveries; all vendors' when absent."),
                new("chart", typeof(string), "The chart; it must fit the metric's kind. The standard's, else chosen by the data, when absent.") { Values = ChartKinds.All },
                new("baseline", typeof(int), "Deliveries that estimate the limits: 2-1000. The standard's, else 20, when absent."),
                new("rules", typeof(string), "The run rules. The standard's, else we, when absent.") { Values = RuleSets.All },
            ],
            Responses = [Ok("The chart: points, phases, limits and signals, and where each setting came from.", Http<SpcChartView>()), Invalid("pipeline", "chart", "rules", "baseline"), UnknownPipelineOrVendor(", or the metric is not monitored")],
        },
        ["GetVendorInspection"] = new(QualityRole.Reader, "Where a vendor's lots stand in the Z1.4 switching rules.")
        {
            Query = [RequiredPipeline],
            Responses =
            [
                Ok("The vendor's inspection on the pipeline; before the first decided lot, where the standard starts it.", Report<InspectionView>()),
                Invalid("vendor", "pipeline"), UnknownPipelineOrVendor(", or no lot of the vendor was decided and the pipeline's standard has no sampling plan"),
            ],
        },
        ["ChangeVendorInspection"] = new(QualityRole.Admin, "Resume a discontinued inspection, or approve or withdraw reduced inspection.")
        {
            Query = [RequiredPipeline],
            Body = new("Exactly one of {\"resume\": true} and {\"reducedInspectionApproved\": true | false}.", Web<InspectionChange>()),
            Responses =
            [
                Ok("The inspection as changed.", Report<InspectionView>()), Invalid("vendor", "pipeline", "body"), .. JsonCommand,
                UnknownPipelineOrVendor(", or the pipeline's current standard has no sampling plan"), Conflict("resume: the inspection is not discontinued."),
            ],
        },
        ["GetDashboard"] = new(QualityRole.Reader, "The dashboard at the site's root: pipelines, vendors and batches with verdict badges, the latest control chart per pipeline, open findings.")
        {
            Responses = [Ok("The page: each completed batch links to its report; a reviewer can change a finding's status from it (docs/reports.md).", Text("text/html"))],
        },
        ["GetDailyRollup"] = new(QualityRole.Reader, "A day's quality brief: per pipeline and vendor, verdicts, lots, error rates and agreement with 95% intervals, open findings and the top risks.")
        {
            Query = [Day],
            Responses = [Ok("The day's brief; a computed day with no deliveries has no pipelines and a note that says so.", Report<DailyBrief>()), Invalid("date"), DayNotComputed],
        },
        ["GetDailyBriefReport"] = new(QualityRole.Reader, "A day's quality brief as one self-contained HTML page.")
        {
            Query = [Day],
            Responses = [Ok("The brief: top risks, then per pipeline the vendors' deliveries, verdicts, lots, error rates against the last 30 days, agreement, open findings (docs/reports.md).", Text("text/html")), Invalid("date"), DayNotComputed],
        },
        ["ComputeDailyRollupNow"] = new(QualityRole.Admin, "Compute a day's quality brief now.")
        {
            Query = [Day],
            Responses = [Ok("The day's brief, computed now from the batch list, the reports and the series (the same figures each time; open findings as they stand).", Report<DailyBrief>()), Invalid("date")],
        },

        // Standards and taxonomies
        ["ListStandards"] = new(QualityRole.Reader, "Every published standard version.")
        {
            Responses = [Ok("Every published version, by pipeline then version.", Http<StandardListView>())],
        },
        ["GetStandard"] = new(QualityRole.Reader, "A pipeline's current standard, or one version.")
        {
            Query = [new("version", typeof(string), "A published version, major.minor.patch; the current (highest) one when absent.") { Pattern = SemanticVersionPattern }],
            Responses =
            [
                Ok("The standard; the published YAML when the Accept header names yaml.", Report<StandardView>(), Text("application/yaml")),
                Invalid("pipeline", "version"), NotFound("The pipeline has no standard, or not that version."),
            ],
        },
        ["PutStandard"] = new(QualityRole.Admin, "Publish a pipeline's quality standard version.")
        {
            Body = Yaml("The pipeline's standard"),
            Responses =
            [
                Created("Published.", "The published version.", Http<StandardView>()),
                Ok("The same document is already published.", Http<StandardView>()),
                InvalidDocument("The standard"), Invalid("pipeline", "body", "standard", "version"),
                Conflict("A different document holds that version: a published version never changes."),
                TooLarge("A standard", Quality.Functions.Http.RequestBody.MaxDocumentBytes),
            ],
        },
        ["ListTaxonomies"] = new(QualityRole.Reader, "Every registered taxonomy version.")
        {
            Responses = [Ok("Every registered version by name and version.", Http<TaxonomyListView>())],
        },
        ["DiffTaxonomies"] = new(QualityRole.Reader, "What changed between two taxonomy versions.")
        {
            Query = [SemVer("from", "The earlier version."), SemVer("to", "The later version.")],
            Responses = [Ok("The changes and whether the version bump fits them.", Report<TaxonomyDiff>()), Invalid("from", "to", "name"), NotFound("Either version is not registered.")],
        },
        ["GetTaxonomy"] = new(QualityRole.Reader, "A registered taxonomy version.")
        {
            Responses =
            [
                Ok("The parsed document; the stored YAML byte for byte when the Accept header names yaml.", Report<TaxonomyView>(), Text("application/yaml")),
                Invalid("name", "version"), NotFound("Not registered."),
            ],
        },
        ["PutTaxonomy"] = new(QualityRole.Admin, "Register a taxonomy version.")
        {
            Body = Yaml("The taxonomy"),
            Responses =
            [
                Created("Registered.", "The registered version.", Http<TaxonomyView>()),
                Ok("The same document is already registered.", Http<TaxonomyView>()),
                InvalidDocument("The taxonomy"), Invalid("name", "version", "body"), BumpTooSmall,
                Conflict("A different document holds that version: a registered version never changes."),
                TooLarge("A taxonomy document", Quality.Functions.Http.RequestBody.MaxDocumentBytes),
            ],
        },

        // Model evaluations against label quality (docs/formats/model-evaluation.md)
        ["PutModelVersion"] = new(QualityRole.Reviewer, "Store a model version's evaluation: per-class metrics, evaluation set and training data.")
        {
            Body = new("A model evaluation (docs/formats/model-evaluation.md), JSON or CSV (told apart by the first character), at most 1 MiB; the Content-Type is not checked. Its model and version must be the path's.",
                Text("application/json"), Text("text/csv")),
            Responses =
            [
                Created("Stored.", "The stored version.", Http<StoredEvaluationView>()),
                Ok("The same evaluation is already stored.", Http<StoredEvaluationView>()),
                ModelEvaluationInvalid, Invalid("model", "modelVersion"),
                Conflict("A different evaluation holds that version: a stored version never changes."),
                TooLarge("A model evaluation", Quality.Functions.Http.RequestBody.MaxDocumentBytes),
            ],
        },
        ["ListModelVersions"] = new(QualityRole.Reader, "A model's stored versions, oldest evaluation first.")
        {
            Responses = [Ok("The versions.", Http<ModelVersionListView>()), Invalid("model"), NotFound("No version of the model is stored.")],
        },
        ["GetModelVersion"] = new(QualityRole.Reader, "A stored model version's evaluation.")
        {
            Responses = [Ok("The evaluation in its JSON form.", Report<ModelEvaluation>()), Invalid("model", "modelVersion"), NotFound("No such version of the model is stored.")],
        },
        ["CompareModelVersions"] = new(QualityRole.Reader, "Two versions' per-class metric changes beside the label quality of the training data added between them, classes ranked by how well label quality explains a drop.")
        {
            Query = ModelComparisonQuery,
            Responses = [Ok("The comparison: verdict, added deliveries, ranked classes with the deliveries and findings behind each.", Report<VersionComparison>()), Invalid("model", "from", "to", "metric"), NotFound("Either version is not stored.")],
        },
        ["GetModelComparisonReport"] = new(QualityRole.Reader, "A comparison of two model versions as one self-contained HTML page.")
        {
            Query = ModelComparisonQuery,
            Responses = [Ok("The page: verdict, a chart of metric and label error changes with 95% intervals, the ranked classes, the added deliveries and the evidence per class.", Text("text/html")), Invalid("model", "from", "to", "metric"), NotFound("Either version is not stored.")],
        },
        ["GetModelCorrelation"] = new(QualityRole.Reader, "Per class, across the model's versions, the correlation between the training labels' error rate and the metric (an association, not a cause).")
        {
            Query = [ModelMetricQuery],
            Responses = [Ok("Pearson's r with Fisher's z 95% interval and Spearman's rho per class, n = versions with both figures; undefined below 4, with the reason.", Report<ModelCorrelation>()), Invalid("model", "metric"), NotFound("No version of the model is stored.")],
        },

        // Who changed what
        ["ListAuditLog"] = new(QualityRole.Reader, "Every change made through the API: who, when and what, newest first.")
        {
            Query = [PipelineFilter("Only this pipeline's changes."), Top, ContinuationToken],
            Responses = [Ok("A page of changes, newest first. Follow continuationToken until it is null.", Http<AuditLogPage>()), Invalid("pipeline", "top", "continuationToken")],
        },

        // The app itself
        ["GetHealth"] = new(QualityRole.Anonymous, "Version, storage and the Durable task hub: 200 when all answer, 503 naming what does not.")
        {
            Responses =
            [
                Ok("Storage answers with every container and table, and the task hub answers a query of its instances.", Http<HealthView>()),
                new(503, "A part is down; its problems say which and how.") { Content = [Http<HealthView>()] },
            ],
        },

        // The API's description
        ["GetOpenApiDocument"] = new(QualityRole.Anonymous, "This API as an OpenAPI 3.1 document, generated from the route table.")
        {
            Responses = [Ok("The document.", Http<JsonObject>())],
        },
        ["GetApiDocs"] = new(QualityRole.Anonymous, "A page that renders the OpenAPI document (Scalar).")
        {
            Query = [new("asset", typeof(string), "A file the page loads (the Scalar bundle, from the Scalar.AspNetCore package); the page when absent.") { Values = ["scalar.js"] }],
            Responses =
            [
                Ok("The page, or the asset asked for.", Text("text/html"), Text("text/javascript")),
                new(304, "The asset has not changed since the ETag sent in If-None-Match."),
                NotFound("No such asset."),
            ],
        },
    };

    private static ApiField ModelMetricQuery => new("metric", typeof(string), "The model metric: recall when absent.") { Values = ModelMetrics.Names };

    private static IReadOnlyList<ApiField> ModelComparisonQuery =>
    [
        new("from", typeof(string), "The earlier version.") { Required = true, Pattern = CanonicalFormat.SafeNamePattern },
        new("to", typeof(string), "The later version.") { Required = true, Pattern = CanonicalFormat.SafeNamePattern },
        ModelMetricQuery,
    ];

    /// <summary>400 for a model evaluation that cannot be read (<c>ModelProblems.InvalidEvaluation</c>).</summary>
    private static ApiResponse ModelEvaluationInvalid => Problem(Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest,
        "The evaluation is not valid; nothing was stored. The problem names the line and field.",
        new ApiField("file", typeof(string), "Always \"request body\".") { Required = true },
        new ApiField("line", typeof(long), "Line, from 1; 0 for the body as a whole.") { Required = true },
        new ApiField("field", typeof(string), "The field (a JSON path such as classes.pedestrian.recall, or a CSV column), or null.") { Required = true, Nullable = true },
        new ApiField("problem", typeof(string), "What is wrong.") { Required = true });

    private const string SemanticVersionPattern = @"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$";

    private static ApiField Top => new("top", typeof(int), "Page size: 1-1000; 50 when absent.");

    private static ApiField ContinuationToken => new("continuationToken", typeof(string), "The previous page's continuationToken; absent for the first page.");

    private static ApiField RequiredPipeline => PipelineFilter("The pipeline: inspection is kept per vendor and pipeline.") with { Required = true };

    private static ApiField Day => new("date", typeof(DateOnly), "The UTC day, YYYY-MM-DD.") { Required = true };

    private static ApiField PipelineFilter(string description) =>
        new("pipeline", typeof(string), description + " Letters, digits, '.', '_', '-'; up to 63.") { Pattern = CanonicalFormat.SafeNamePattern };

    private static ApiField SemVer(string name, string description) =>
        new(name, typeof(string), description + " major.minor.patch.") { Required = true, Pattern = SemanticVersionPattern };

    /// <summary>A filter on an enum's values, parsed case-insensitively; listed as the answers spell them.</summary>
    private static ApiField EnumFilter<T>(string name) where T : struct, Enum =>
        new(name, typeof(string), "Only these (case-insensitive).") { Values = [.. Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..])] };

    /// <summary>404 for a day whose brief has not been computed, saying when the DailyRollup timer computes (or computed) it.</summary>
    private static ApiResponse DayNotComputed => Problem(Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound,
        "The day's brief has not been computed: the DailyRollup timer computes each day at 00:30 UTC the day after; an admin can compute it now with POST.",
        new ApiField("computesAt", typeof(string), "When the timer computes (or was due to compute) the day, UTC.") { Required = true });
}
