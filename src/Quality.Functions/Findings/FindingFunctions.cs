using Microsoft.AspNetCore.Mvc;
using Quality.Domain.Audit;
using Quality.Domain.Findings;
using Quality.Domain.Formats.Canonical;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Findings;

/// <summary>
/// <c>/api/findings</c>: system and individual errors and rising confusions with their evidence, listed, read and
/// moved through open → acknowledged → resolved; <c>/api/batches/{id}/findings</c>: what one batch raised, with the
/// verdict on every error type it had.
/// </summary>
internal static class FindingEndpoints
{
    public static IEndpointRouteBuilder MapFindingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/findings", ListAsync);
        app.MapGet("/api/findings/{id}", GetAsync);
        app.MapPost("/api/findings/{id}/status", SetStatusAsync).DisableAntiforgery();
        app.MapGet("/api/batches/{id}/findings", BatchAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(
        [FromQuery] string? pipeline, [FromQuery] string? status, [FromQuery] string? kind, TableFindingStore findings, CancellationToken cancellationToken)
    {
        if (pipeline is not null && !CanonicalFormat.IsSafeName(pipeline))
        {
            return Problems.BadRequest("pipeline", $"'{pipeline}' is not a pipeline name (letters, digits, '.', '_', '-'; up to 63).");
        }

        if (!TryParse<FindingStatus>(status, out var statusFilter))
        {
            return Problems.BadRequest("status", $"'{status}' is not one of {Names<FindingStatus>()}.");
        }

        if (!TryParse<FindingKind>(kind, out var kindFilter))
        {
            return Problems.BadRequest("kind", $"'{kind}' is not one of {Names<FindingKind>()}.");
        }

        return Json(new FindingListView(await findings.ListAsync(pipeline, statusFilter, kindFilter, cancellationToken)));
    }

    private static async Task<IResult> GetAsync(string id, TableFindingStore findings, CancellationToken cancellationToken) =>
        !RunIds.IsValid(id) ? BadId()
        : await findings.GetAsync(id, cancellationToken) is { } finding ? Json(finding)
        : Problems.NotFound($"No finding {id}.");

    private static async Task<IResult> SetStatusAsync(string id, [FromBody] FindingStatusChange? change, TableFindingStore findings, CancellationToken cancellationToken)
    {
        if (!RunIds.IsValid(id))
        {
            return BadId();
        }

        if (change?.Status is not { } requested || !TryParse<FindingStatus>(requested, out var status) || status is null)
        {
            return Problems.BadRequest("status", $"the body is {{\"status\": one of {Names<FindingStatus>()}}}.");
        }

        return await findings.SetStatusAsync(id, status.Value, cancellationToken) is { } changed
            ? Json(changed)
            : Problems.NotFound($"No finding {id}.");
    }

    private static Task<IResult> BatchAsync(string id, TableRunStore runs, BlobReportStore reports, CancellationToken cancellationToken) =>
        BatchEndpoints.ReportAsync(id, runs, async () => await reports.ReadAsync(id, BlobReportStore.Findings, cancellationToken) is { } json
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
