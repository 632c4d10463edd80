using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Health;

/// <summary>
/// <c>GET /api/health</c>, open to anyone (a load balancer or an on-call engineer without a role): the app's version,
/// whether storage answers with every container and table, and the Durable task hub's state — 200 when all is well,
/// 503 naming the failing part. It names no data, only the app's own parts.
/// </summary>
internal sealed class HealthFunctions(HealthCheck health)
{
    [Function("GetHealth")]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        var view = await health.CheckAsync(client);
        return TypedResults.Json(view, statusCode: view.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>
/// The check behind <c>/api/health</c>, one per app: callers within a few seconds of each other share one check (and
/// one in flight), so polling the open endpoint cannot turn it into a load on storage. Every part is bounded by
/// <see cref="StorageProbe.Timeout"/>, so a check always ends.
/// </summary>
internal sealed class HealthCheck(StorageProbe storage, TimeProvider clock)
{
    /// <summary>At most this many pending or running instances are counted; more reads "at least".</summary>
    public const int CountedInstances = 100;

    private static readonly TimeSpan Kept = TimeSpan.FromSeconds(5);
    private static readonly string Version =
        typeof(HealthCheck).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private readonly Lock _gate = new();
    private (DateTimeOffset Started, Task<HealthView> Check)? _current;

    public Task<HealthView> CheckAsync(DurableTaskClient client)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_current is not { } current || now - current.Started >= Kept)
            {
                _current = current = (now, RunAsync(client));
            }

            return current.Check;
        }
    }

    private async Task<HealthView> RunAsync(DurableTaskClient client)
    {
        var storageCheck = storage.ProbeAsync(CancellationToken.None);
        var hubCheck = TaskHubAsync(client);
        var (store, hub) = (await storageCheck, await hubCheck);
        return new HealthView(
            store.Healthy && hub.Status == HealthView.Up ? HealthView.Healthy : HealthView.Unhealthy,
            Version,
            clock.GetUtcNow(),
            new StorageHealthView(store.Healthy ? HealthView.Up : HealthView.Down, (long)store.Elapsed.TotalMilliseconds,
                [.. store.Problems.Select(p => $"{p.Kind} '{p.Name}': {p.Problem}")]),
            hub);
    }

    /// <summary>The task hub answers a query of its pending and running instances; how many there are and since when the oldest.</summary>
    private static async Task<TaskHubHealthView> TaskHubAsync(DurableTaskClient client)
    {
        using var bounded = new CancellationTokenSource(StorageProbe.Timeout);
        try
        {
            var query = new OrchestrationQuery
            {
                Statuses = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running],
                PageSize = CountedInstances,
            };
            await foreach (var page in client.GetAllInstancesAsync(query).AsPages(pageSizeHint: CountedInstances).WithCancellation(bounded.Token))
            {
                return new TaskHubHealthView(HealthView.Up, client.Name, page.Values.Count, page.ContinuationToken is not null,
                    page.Values.Count == 0 ? null : page.Values.Min(i => i.CreatedAt), null);
            }

            return new TaskHubHealthView(HealthView.Up, client.Name, 0, false, null, null);
        }
        catch (OperationCanceledException)
        {
            return new TaskHubHealthView(HealthView.Down, client.Name, null, false, null, $"no answer within {StorageProbe.Timeout.TotalSeconds:0} s");
        }
        catch (Exception ex)
        {
            // The exception's text stays out (it may name endpoints); its kind says enough to start looking.
            return new TaskHubHealthView(HealthView.Down, client.Name, null, false, null, $"the task hub could not be queried ({ex.GetType().Name})");
        }
    }
}
