using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Pipeline.Deliveries;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Api;

/// <summary><c>/api/batches</c> and <c>/api/deliveries</c>: list and read audited batches, submit a delivery.</summary>
internal static class BatchEndpoints
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 1000;

    public static IEndpointRouteBuilder MapBatchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/batches", ListAsync);
        app.MapGet("/api/batches/{id}", GetAsync);
        app.MapGet("/api/batches/{id}/agreement", GetAgreementAsync);
        app.MapGet("/api/batches/{id}/audit", GetAuditAsync);
        app.MapGet("/api/batches/{id}/confusion", GetConfusionAsync);
        app.MapGet("/api/batches/{id}/annotators", GetAnnotatorsAsync);
        app.MapGet("/api/batches/{id}/annotators/{annotatorId}", GetAnnotatorAsync);
        app.MapGet("/api/batches/{id}/pairs", GetPairsAsync);
        app.MapGet("/api/batches/{id}/violations", GetViolationsAsync);
        app.MapPost("/api/deliveries", SubmitAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ListAsync(
        TableBatchStore batches,
        [FromQuery] string? pipeline,
        [FromQuery] int? top,
        [FromQuery] string? continuationToken,
        CancellationToken cancellationToken)
    {
        if (pipeline is not null && !CanonicalFormat.IsSafeName(pipeline))
        {
            return Problems.BadRequest("pipeline", $"'{pipeline}' is not a pipeline name (letters, digits, '.', '_', '-'; up to 63).");
        }

        var size = top ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            return Problems.BadRequest("top", $"must be between 1 and {MaxPageSize}.");
        }

        var page = await batches.ListAsync(pipeline, size, continuationToken, cancellationToken);
        return TypedResults.Ok(new BatchListView(page.Batches.Select(BatchView.From).ToList(), page.ContinuationToken));
    }

    private static async Task<IResult> GetAsync(string id, TableRunStore runs, CancellationToken cancellationToken)
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
    private static Task<IResult> GetAgreementAsync(string id, TableRunStore runs, BlobReportStore reports, CancellationToken cancellationToken) =>
        ReportAsync(id, runs, async () => await reports.ReadAsync(id, BlobReportStore.Agreement, cancellationToken) is { } json
            ? TypedResults.Text(json, "application/json")
            : Problems.NotFound($"Batch {id} completed before agreement reports existed; re-deliver it to compute one."), cancellationToken);

    /// <summary>Gold audit (scorecards, per class, confusion) and pairwise spatial agreement of boxes and cuboids.</summary>
    private static Task<IResult> GetAuditAsync(string id, TableRunStore runs, BlobReportStore reports, CancellationToken cancellationToken) =>
        AuditPartAsync(id, runs, reports, audit => audit, cancellationToken);

    private static Task<IResult> GetConfusionAsync(string id, TableRunStore runs, BlobReportStore reports, CancellationToken cancellationToken) =>
        AuditPartAsync(id, runs, reports, audit => audit["audit"]?["confusion"], cancellationToken);

    private static Task<IResult> GetAnnotatorsAsync(string id, TableRunStore runs, BlobReportStore reports, CancellationToken cancellationToken) =>
        AuditPartAsync(id, runs, reports, audit => audit["audit"]?["perAnnotator"], cancellationToken);

    /// <summary>One annotator's scorecard and their pairwise agreement with every other annotator.</summary>
    private static Task<IResult> GetAnnotatorAsync(
        string id, string annotatorId, TableRunStore runs, BlobReportStore reports, CancellationToken cancellationToken) =>
        AuditPartAsync(id, runs, reports, audit => audit["audit"]?["perAnnotator"]?[annotatorId] is { } scorecard
            ? new JsonObject
            {
                ["annotator"] = annotatorId,
                ["scorecard"] = scorecard.DeepClone(),
                ["pairwise"] = new JsonArray([.. audit["spatial"]!["pairwise"]!.AsArray()
                    .Where(p => (string?)p!["a"] == annotatorId || (string?)p!["b"] == annotatorId)
                    .Select(p => p!.DeepClone())]),
            }
            : null, cancellationToken);

    /// <summary>The evidence behind every figure: one JSON line per matched pair, miss and extra, as a download.</summary>
    private static Task<IResult> GetPairsAsync(string id, TableRunStore runs, BlobReportStore reports, CancellationToken cancellationToken) =>
        ReportAsync(id, runs, async () => await reports.OpenReadAsync(id, BlobReportStore.Pairs, cancellationToken) is { } pairs
            ? TypedResults.Stream(pairs, "application/x-ndjson", fileDownloadName: $"{id}-pairs.jsonl")
            : Problems.NotFound($"Batch {id} has no boxes or cuboids compared with gold or each other."), cancellationToken);

    /// <summary>
    /// Taxonomy violations of a completed batch: per rule the count, rate and Wilson interval with examples, and a page
    /// of (rule, class) counts (<c>?rule=&amp;offset=&amp;limit=</c>); or why no taxonomy was checked.
    /// </summary>
    private static async Task<IResult> GetViolationsAsync(
        string id, [FromQuery] string? rule, [FromQuery] int? offset, [FromQuery] int? limit,
        TableRunStore runs, BlobReportStore reports, CancellationToken cancellationToken)
    {
        if (rule is not null && !Domain.Taxonomy.TaxonomyRules.All.Any(r => r.Rule == rule))
        {
            return Problems.BadRequest("rule", $"'{rule}' is not a rule: {string.Join(", ", Domain.Taxonomy.TaxonomyRules.All.Select(r => r.Rule))}.");
        }

        if (offset is < 0)
        {
            return Problems.BadRequest("offset", "must be 0 or more.");
        }

        if (limit is < 1 or > MaxPageSize)
        {
            return Problems.BadRequest("limit", $"must be between 1 and {MaxPageSize}.");
        }

        return await ReportAsync(id, runs, async () =>
        {
            if (await reports.ReadAsync(id, BlobReportStore.Violations, cancellationToken) is not { } json)
            {
                return Problems.NotFound($"Batch {id} completed before taxonomy checks existed; re-deliver it to check it.");
            }

            var report = Domain.Audit.ReportJson.Deserialize<Domain.Taxonomy.ViolationReport>(json);
            return TypedResults.Text(Domain.Audit.ReportJson.Serialize(new ViolationsView(
                id, report.Taxonomy, report.Checked, report.NotCheckedReason,
                report.Tally is { } tally ? Domain.Taxonomy.ViolationTally.FromState(tally).ToView(rule, offset ?? 0, limit ?? DefaultPageSize) : null)),
                "application/json");
        }, cancellationToken);
    }

    private static Task<IResult> AuditPartAsync(
        string id, TableRunStore runs, BlobReportStore reports, Func<JsonNode, JsonNode?> part, CancellationToken cancellationToken) =>
        ReportAsync(id, runs, async () =>
        {
            if (await reports.ReadAsync(id, BlobReportStore.Audit, cancellationToken) is not { } json)
            {
                return Problems.NotFound($"Batch {id} has no boxes or cuboids to audit.");
            }

            return part(JsonNode.Parse(json)!) is { } found
                ? TypedResults.Text(found.ToJsonString(), "application/json")
                : Problems.NotFound($"Batch {id} has no such part in its audit.");
        }, cancellationToken);

    /// <summary>A completed batch's report: 400 for a malformed id, 404 unknown, 409 while not completed, else what <paramref name="read"/> answers.</summary>
    internal static async Task<IResult> ReportAsync(string id, TableRunStore runs, Func<Task<IResult>> read, CancellationToken cancellationToken)
    {
        if (!RunIds.IsValid(id))
        {
            return Problems.BadRequest("id", "a batch id is 32 lowercase hexadecimal digits.");
        }

        var run = await runs.GetAsync(id, cancellationToken);
        if (run is null)
        {
            return Problems.NotFound($"No batch {id}.");
        }

        return run.Status != RunStatus.Completed
            ? Problems.Conflict($"Batch {id} is {run.Status}; its reports are computed when it completes.", run.Status.ToString())
            : await read();
    }

    /// <summary>
    /// Accepts the delivery as the raw body (application/x-ndjson) or as the file of a multipart form; the header is
    /// checked before anything is stored, and the answer points at the batch and run the upload starts.
    /// </summary>
    private static async Task<IResult> SubmitAsync(HttpRequest request, DeliverySubmission submission, CancellationToken cancellationToken)
    {
        Stream content;
        string file;
        if (request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var upload = form.Files.Count > 0 ? form.Files[0] : null;
            if (upload is null)
            {
                return Problems.BadRequest("file", "the form has no file; send the delivery as a file field or as the raw body.");
            }

            content = upload.OpenReadStream();
            file = upload.FileName;
        }
        else
        {
            content = request.Body;
            file = "request body";
        }

        try
        {
            await using (content)
            {
                var submitted = await submission.SubmitAsync(content, file, cancellationToken);
                var links = BatchLinks.For(submitted.BatchId);
                return TypedResults.Accepted(links.Run, new SubmissionView(
                    submitted.BatchId, submitted.Blob.Name, submitted.Header.Pipeline, submitted.Header.Vendor, submitted.Header.DeliveryId,
                    links.Self, links.Run));
            }
        }
        catch (DeliveryFormatException ex)
        {
            return Problems.BadDelivery(ex);
        }
    }
}

internal sealed record ViolationsView(string Batch, string Taxonomy, bool Checked, string? NotCheckedReason, Domain.Taxonomy.ViolationTallyView? Violations);

internal sealed record BatchListView(IReadOnlyList<BatchView> Batches, string? ContinuationToken);

internal sealed record SubmissionView(string Id, string BlobName, string Pipeline, string Vendor, string DeliveryId, string BatchUri, string StatusQueryGetUri);
