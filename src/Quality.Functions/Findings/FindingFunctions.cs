using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Quality.Domain.Audit;
using Quality.Domain.Findings;
using Quality.Functions.AuditLog;
using Quality.Functions.Batches;
using Quality.Functions.Http;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Findings;

/// <summary>
/// <c>/api/findings</c>: system and individual errors and rising confusions with their evidence, listed, read and
/// moved through open → acknowledged → resolved; <c>/api/batches/{id}/findings</c>: what one batch raised, with the
/// verdict on every error type it had.
/// </summary>
internal sealed class FindingFunctions(TableFindingStore findings, TableRunStore runs, BlobReportStore reports, Changes changes)
{
    [Function("ListFindings")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/findings")] HttpRequest request, CancellationToken cancellationToken)
    {
        var pipeline = Query.String(request, "pipeline");
        if (pipeline is not null && PipelineName.Problem(pipeline) is { } badPipeline)
        {
            return badPipeline;
        }

        var status = Query.String(request, "status");
        if (!TryParse<FindingStatus>(status, out var statusFilter))
        {
            return Problems.BadRequest("status", $"'{status}' is not one of {Names<FindingStatus>()}.");
        }

        var kind = Query.String(request, "kind");
        if (!TryParse<FindingKind>(kind, out var kindFilter))
        {
            return Problems.BadRequest("kind", $"'{kind}' is not one of {Names<FindingKind>()}.");
        }

        return Json(new FindingListView(await findings.ListAsync(pipeline, statusFilter, kindFilter, cancellationToken)));
    }

    [Function("GetFinding")]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/findings/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        !RunIds.IsValid(id) ? BadId()
        : await findings.GetAsync(id, cancellationToken) is { } finding ? Json(finding)
        : Problems.NotFound($"No finding {id}.");

    [Function("SetFindingStatus")]
    public async Task<IResult> SetStatusAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/findings/{id}/status")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!RunIds.IsValid(id))
        {
            return BadId();
        }

        var change = await RequestBody.JsonAsync<FindingStatusChange>(request, cancellationToken);
        if (change.Problem is not null)
        {
            return change.Problem;
        }

        if (change.Value!.Status is not { } requested || !TryParse<FindingStatus>(requested, out var status) || status is null)
        {
            return Problems.BadRequest("status", $"the body is {{\"status\": one of {Names<FindingStatus>()}}}.");
        }

        if (await findings.SetStatusAsync(id, status.Value, cancellationToken) is not { } changed)
        {
            return Problems.NotFound($"No finding {id}.");
        }

        await changes.RecordAsync(request, "finding.status", changed.Pipeline, id, $"{status.Value}: {changed.Statement}", cancellationToken);
        return Json(changed);
    }

    [Function("GetBatchFindings")]
    public Task<IResult> GetBatchFindingsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/batches/{id}/findings")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        CompletedBatch.ReportAsync(id, runs, async () => await reports.ReadAsync(id, BlobReportStore.Findings, cancellationToken) is { } json
            ? TypedResults.Text(json, "application/json")
            : Problems.NotFound($"Batch {id} has no findings report: it has no pipeline, or it completed before findings existed."), cancellationToken);

    private static bool TryParse<T>(string? value, out T? parsed) where T : struct, Enum
    {
        parsed = null;
        if (value is null)
        {
            return true;
        }

        if (Enum.TryParse<T>(value, ignoreCase: true, out var result) && Enum.IsDefined(result) && !int.TryParse(value, out _))
        {
            parsed = result;
            return true;
        }

        return false;
    }

    private static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());

    /// <summary>Findings are written in the report form (camelCase names and values), as the batch's findings report is.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Json<T>(T value) => TypedResults.Text(ReportJson.Serialize(value), "application/json");

    private static IResult BadId() => Problems.BadRequest("id", "a finding id is 32 lowercase hexadecimal digits.");
}
