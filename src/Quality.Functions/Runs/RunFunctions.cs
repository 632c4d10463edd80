using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Quality.Functions.Batches;
using Quality.Functions.Http;
using Quality.Functions.Orchestration;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Runs;

/// <summary>
/// <c>GET /api/runs/{id}</c>: the batch's AuditBatch orchestration as Durable Functions reports it — 202 with a
/// Location header while it is pending or running, 200 once it has ended, 404 unknown. A delivery rejected on arrival
/// never starts an audit: it answers 200 with no runtime status and the batch's reason.
/// </summary>
internal sealed class RunFunctions(TableRunStore runs)
{
    [Function("GetRun")]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/runs/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!RunIds.IsValid(id))
        {
            return Problems.BadRequest("id", "a run id is 32 lowercase hexadecimal digits.");
        }

        if (await runs.GetAsync(id, cancellationToken) is not { } run)
        {
            return Problems.NotFound($"No run {id}.");
        }

        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        var view = RunStatusView.From(run, instance);
        return view.HasEnded
            ? TypedResults.Ok(view)
            : TypedResults.Accepted($"/api/runs/{run.Id}", view);
    }
}
