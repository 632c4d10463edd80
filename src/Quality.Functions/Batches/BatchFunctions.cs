using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Quality.Functions.Http;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Batches;

/// <summary><c>/api/batches</c>: list audited batches and read each one's figures and reports.</summary>
internal sealed class BatchFunctions(TableBatchStore batches, TableRunStore runs, BlobReportStore reports, BlobPairsStore pairs)
{
    [Function("ListBatches")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/batches")] HttpRequest request, CancellationToken cancellationToken) =>
        PageQuery.AnswerAsync(request, async query =>
        {
            var page = await batches.ListAsync(query.Pipeline, query.Top, query.ContinuationToken, cancellationToken);
            return new BatchListView([.. page.Batches.Select(BatchView.From)], page.ContinuationToken);
        });

    [Function("GetBatch")]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/batches/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!RunIds.IsValid(id))
        {
            return Problems.BadRequest("id", "a batch id is 32 lowercase hexadecimal digits.");
        }

        var run = await runs.GetAsync(id, cancellationToken);
        return run is null ? Problems.NotFound($"No batch {id}.") : TypedResults.Ok(BatchView.From(run));
    }

    /// <summary>
    /// The whole agreement suite of a completed batch, per field with intervals, per class and per annotator: the
    /// stored report, byte for byte. 409 while the batch is not completed (it has no suite yet, or never will).
    /// </summary>
    [Function("GetBatchAgreement")]
    public Task<IResult> GetAgreementAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/batches/{id}/agreement")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        CompletedBatch.ReportAsync(id, runs, async () => await reports.ReadAsync(id, BlobReportStore.Agreement, cancellationToken) is { } json
            ? TypedResults.Text(json, "application/json")
            : Problems.NotFound($"Batch {id} completed before agreement reports existed; re-deliver it to compute one."), cancellationToken);

    /// <summary>Gold audit (scorecards, per class, confusion) and pairwise spatial agreement of boxes and cuboids.</summary>
    [Function("GetBatchAudit")]
    public Task<IResult> GetAuditAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/batches/{id}/audit")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        AuditPartAsync(id, audit => audit, cancellationToken);

    [Function("GetBatchConfusion")]
    public Task<IResult> GetConfusionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/batches/{id}/confusion")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        AuditPartAsync(id, audit => audit["audit"]?["confusion"], cancellationToken);

    [Function("GetBatchAnnotators")]
    public Task<IResult> GetAnnotatorsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/batches/{id}/annotators")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        AuditPartAsync(id, audit => audit["audit"]?["perAnnotator"], cancellationToken);

    /// <summary>
    /// One annotator's scorecard and their pairwise agreement with every other annotator (boxes and cuboids), and their
    /// frame tags against gold per field; each part null when the batch has none of it.
    /// </summary>
    [Function("GetBatchAnnotator")]
    public Task<IResult> GetAnnotatorAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/batches/{id}/annotators/{annotatorId}")] HttpRequest request,
        string id, string annotatorId, CancellationToken cancellationToken) =>
        CompletedBatch.ReportAsync(id, runs, async () =>
        {
            var audit = await reports.ReadAsync(id, BlobReportStore.Audit, cancellationToken) is { } json ? JsonNode.Parse(json) : null;
            var scorecard = audit?["audit"]?["perAnnotator"]?[annotatorId];
            var tags = await AnnotatorTagsAsync(id, annotatorId, cancellationToken);
            if (scorecard is null && tags is null)
            {
                return Problems.NotFound($"Batch {id} has no annotator {annotatorId} among its boxes, cuboids or gold-tagged frames.");
            }

            return TypedResults.Text(new JsonObject
            {
                ["annotator"] = annotatorId,
                ["scorecard"] = scorecard?.DeepClone(),
                ["pairwise"] = scorecard is null ? null : new JsonArray([.. audit!["spatial"]!["pairwise"]!.AsArray()
                    .Where(p => (string?)p!["a"] == annotatorId || (string?)p!["b"] == annotatorId)
                    .Select(p => p!.DeepClone())]),
                ["tags"] = tags,
            }.ToJsonString(), "application/json");
        }, cancellationToken);

    /// <summary>Frame tags against gold per field and annotator, and pooled over annotators: the stored report.</summary>
    [Function("GetBatchTags")]
    public Task<IResult> GetTagsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/batches/{id}/tags")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        CompletedBatch.ReportAsync(id, runs, async () => await reports.ReadAsync(id, BlobReportStore.TagGold, cancellationToken) is { } json
            ? TypedResults.Text(json, "application/json")
            : Problems.NotFound($"Batch {id} has no frame tags with a gold key to compare with."), cancellationToken);

    /// <summary>The annotator's score per gold-tagged field, or null when the batch has no gold tags they were compared on.</summary>
    private async Task<JsonObject?> AnnotatorTagsAsync(string id, string annotatorId, CancellationToken cancellationToken)
    {
        if (await reports.ReadAsync(id, BlobReportStore.TagGold, cancellationToken) is not { } json)
        {
            return null;
        }

        var fields = new JsonObject();
        foreach (var (field, view) in JsonNode.Parse(json)!["fields"]!.AsObject())
        {
            if (view!["perAnnotator"]?[annotatorId] is { } score)
            {
                fields[field] = score.DeepClone();
            }
        }

        return fields.Count == 0 ? null : fields;
    }

    /// <summary>
    /// The evidence behind every figure: one JSON line per matched pair, miss and extra, as a download (stored gzip,
    /// served as the JSON Lines it holds).
    /// </summary>
    [Function("GetBatchPairs")]
    public Task<IResult> GetPairsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/batches/{id}/pairs")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        CompletedBatch.ReportAsync(id, runs, async () => await pairs.OpenReadAsync(id, cancellationToken) is { } lines
            ? TypedResults.Stream(lines, "application/x-ndjson", fileDownloadName: $"{id}-pairs.jsonl")
            : Problems.NotFound($"Batch {id} has no boxes or cuboids compared with gold or each other."), cancellationToken);

    /// <summary>
    /// Where errors concentrate in a completed batch: every error kind by every stratum with Wilson intervals and BH-adjusted
    /// tests, the interactions of the strongest strata, and the ranked concentrations with their evidence rows.
    /// </summary>
    [Function("GetBatchRootCauses")]
    public Task<IResult> GetRootCausesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/batches/{id}/root-causes")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        CompletedBatch.ReportAsync(id, runs, async () => await reports.ReadAsync(id, BlobReportStore.RootCauses, cancellationToken) is { } json
            ? TypedResults.Text(json, "application/json")
            : Problems.NotFound($"Batch {id} has no boxes or cuboids compared with gold, or completed before root causes were computed."), cancellationToken);

    /// <summary>
    /// Taxonomy violations of a completed batch: per rule the count, rate and Wilson interval with examples, and a page
    /// of (rule, class) counts (<c>?rule=&amp;offset=&amp;limit=</c>); or why no taxonomy was checked.
    /// </summary>
    [Function("GetBatchViolations")]
    public async Task<IResult> GetViolationsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/batches/{id}/violations")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var rule = Query.String(request, "rule");
        if (rule is not null && !Domain.Taxonomy.TaxonomyRules.All.Any(r => r.Rule == rule))
        {
            return Problems.BadRequest("rule", $"'{rule}' is not a rule: {string.Join(", ", Domain.Taxonomy.TaxonomyRules.All.Select(r => r.Rule))}.");
        }

        if (!Query.TryInt(request, "offset", out var offset) || offset is < 0)
        {
            return Problems.BadRequest("offset", "must be a whole number, 0 or more.");
        }

        if (!Query.TryInt(request, "limit", out var limit) || limit is < 1 or > PageQuery.MaxTop)
        {
            return Problems.BadRequest("limit", $"must be a whole number between 1 and {PageQuery.MaxTop}.");
        }

        return await CompletedBatch.ReportAsync(id, runs, async () =>
        {
            if (await reports.ReadAsync(id, BlobReportStore.Violations, cancellationToken) is not { } json)
            {
                return Problems.NotFound($"Batch {id} completed before taxonomy checks existed; re-deliver it to check it.");
            }

            var report = Domain.Audit.ReportJson.Deserialize<Domain.Taxonomy.ViolationReport>(json);
            return TypedResults.Text(Domain.Audit.ReportJson.Serialize(new ViolationsView(
                id, report.Taxonomy, report.Checked, report.NotCheckedReason,
                report.Tally is { } tally ? Domain.Taxonomy.ViolationTally.FromState(tally).ToView(rule, offset ?? 0, limit ?? PageQuery.DefaultTop) : null)),
                "application/json");
        }, cancellationToken);
    }

    private Task<IResult> AuditPartAsync(string id, Func<JsonNode, JsonNode?> part, CancellationToken cancellationToken) =>
        CompletedBatch.ReportAsync(id, runs, async () =>
        {
            if (await reports.ReadAsync(id, BlobReportStore.Audit, cancellationToken) is not { } json)
            {
                return Problems.NotFound($"Batch {id} has no boxes or cuboids to audit.");
            }

            return part(JsonNode.Parse(json)!) is { } found
                ? TypedResults.Text(found.ToJsonString(), "application/json")
                : Problems.NotFound($"Batch {id} has no such part in its audit.");
        }, cancellationToken);
}
