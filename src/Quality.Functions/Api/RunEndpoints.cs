using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Api;

/// <summary>
/// <c>GET /api/runs/{id}</c>: orchestration status in the spirit of Durable Functions' status query — 202 with a
/// Location header while the run is pending or running, 200 once it has ended (completed, failed or rejected), 404 unknown.
/// </summary>
internal static class RunEndpoints
{
    public static IEndpointRouteBuilder MapRunEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/runs/{id}", GetAsync);
        return app;
    }

    private static async Task<IResult> GetAsync(string id, TableRunStore runs, CancellationToken cancellationToken)
    {
        if (!RunIds.IsValid(id))
        {
            return Problems.BadRequest("id", "a run id is 32 lowercase hexadecimal digits.");
        }

        if (await runs.GetAsync(id, cancellationToken) is not { } run)
        {
            return Problems.NotFound($"No run {id}.");
        }

        var view = new RunStatusView(
            "AuditBatch",
            run.Id,
            run.Status.ToString(),
            run.CreatedTime,
            run.LastUpdatedTime,
            new RunProgressView(run.WorkDone, run.WorkTotal, run.ShardCount, run.Redrives),
            run.Reason,
            run.IsTerminal ? BatchLinks.For(run.Id).Self : null);
        return run.IsTerminal
            ? TypedResults.Ok(view)
            : TypedResults.Accepted($"/api/runs/{run.Id}", view);
    }
}

internal sealed record RunStatusView(
    string Name,
    string InstanceId,
    string RuntimeStatus,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    RunProgressView CustomStatus,
    string? Reason,
    string? Output);

internal sealed record RunProgressView(int WorkDone, int WorkTotal, int Shards, int Redrives);
