using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Quality.Domain.Audit;
using Quality.Domain.Standards;
using Quality.Domain.Taxonomy;
using Quality.Functions.Batches;
using Quality.Functions.AuditLog;
using Quality.Functions.Http;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Standards;

/// <summary>
/// <c>/api/standards</c>: each pipeline's quality standard, versioned and immutable per version; the highest version is
/// the one Finalize applies. <c>/api/batches/{id}/verdict</c>: a batch's verdict with every rule's reason.
/// </summary>
internal sealed class StandardFunctions(BlobStandardStore standards, TableRunStore runs, BlobReportStore reports, Changes changes)
{

    [Function("ListStandards")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/standards")] HttpRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(new StandardListView([.. (await standards.ListAsync(cancellationToken))
            .Select(s => new StandardEntryView(s.Pipeline, s.Version, $"{s.Pipeline}@{s.Version}", $"/api/standards/{s.Pipeline}?version={s.Version}"))]));

    [Function("GetStandard")]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/standards/{pipeline}")] HttpRequest request, string pipeline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PipelineName.Problem(pipeline) is { } badPipeline)
        {
            return badPipeline;
        }

        var version = Query.String(request, "version");
        if (version is not null && !Quality.Domain.Taxonomy.SemanticVersion.TryParse(version, out _))
        {
            return Problems.BadRequest("version", $"'{version}' is not a version (major.minor.patch).");
        }

        var standard = version is null
            ? await standards.CurrentAsync(pipeline, cancellationToken)
            : await standards.GetAsync(pipeline, version, cancellationToken);
        if (standard is null)
        {
            return Problems.NotFound(version is null ? $"Pipeline '{pipeline}' has no standard." : $"No standard {pipeline}@{version}.");
        }

        return request.Headers.Accept.Any(a => a?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true)
            ? TypedResults.Text(standard.Yaml, "application/yaml")
            : TypedResults.Text(ReportJson.Serialize(StandardView.From(standard)), "application/json");
    }

    [Function("PutStandard")]
    public async Task<IResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/standards/{pipeline}")] HttpRequest request, string pipeline, CancellationToken cancellationToken)
    {
        if (PipelineName.Problem(pipeline) is { } badPipeline)
        {
            return badPipeline;
        }

        var body = await RequestBody.TextAsync(request, RequestBody.MaxDocumentBytes, "A standard", cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var yaml = body.Value!;

        QualityStandard standard;
        try
        {
            standard = StandardDocument.Parse(yaml, pipeline + ".yaml");
        }
        catch (StandardFormatException ex)
        {
            return Problems.InvalidDocument("Invalid standard", ex);
        }

        if (standard.Name != pipeline)
        {
            return Problems.BadRequest("standard", $"the document is the standard of '{standard.Name}' but was sent to '{pipeline}'.");
        }

        // A new version must come after the current one: verdicts name the version, and the highest is the one applied.
        if (await standards.CurrentAsync(pipeline, cancellationToken) is { } current && standard.Version < current.Version)
        {
            return Problems.BadRequest("version", $"{standard.Reference} is older than the current {current.Reference}; publish a higher version.");
        }

        var uri = $"/api/standards/{pipeline}?version={standard.Version}";
        var outcome = await standards.PutAsync(standard, cancellationToken);
        if (outcome == DocumentPutOutcome.Created)
        {
            await changes.RecordAsync(request, "standard.published", pipeline, standard.Reference, uri, cancellationToken);
        }

        return outcome switch
        {
            DocumentPutOutcome.Created => TypedResults.Created(uri, StandardView.From(standard)),
            DocumentPutOutcome.Unchanged => TypedResults.Ok(StandardView.From(standard)),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Version already published",
                detail: $"{standard.Reference} is published with a different document; a published version never changes (verdicts name it). Publish {Next(standard.Version)} instead."),
        };
    }

    [Function("GetBatchVerdict")]
    public Task<IResult> GetVerdictAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/batches/{id}/verdict")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        CompletedBatch.ReportAsync(id, runs, async () => await reports.ReadAsync(id, BlobReportStore.Verdict, cancellationToken) is { } json
            ? TypedResults.Text(json, "application/json")
            : Problems.NotFound($"Batch {id} has no verdict: its pipeline had no standard when it was ingested. PUT /api/standards/{{pipeline}} and re-deliver."), cancellationToken);

    private static string Next(SemanticVersion version) => (version with { Patch = version.Patch + 1 }).ToString();
}
