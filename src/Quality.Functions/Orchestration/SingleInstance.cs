using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Quality.Functions.Orchestration;

/// <summary>
/// Starts an orchestration under an instance id that names its work (a run, a day), once: a trigger that fires twice
/// (an Event Grid retry, two instances of a timer, two arrivals at once) finds the instance and starts nothing.
/// </summary>
internal static class SingleInstance
{
    /// <param name="startAgain">Whether an existing instance in this state is started over (a failed rollup, say); by default none is.</param>
    /// <returns>True when this call started it.</returns>
    public static async Task<bool> StartAsync(
        DurableTaskClient client, TaskName orchestrator, object input, string instanceId, CancellationToken cancellationToken,
        Func<OrchestrationMetadata, bool>? startAgain = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (await client.GetInstanceAsync(instanceId, cancellationToken) is { } existing && startAgain?.Invoke(existing) != true)
        {
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId), cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Another caller started it between the look and the start; the client refuses a second start of a running
            // instance, in whatever exception its transport uses. Anything else is a real failure.
            if (await client.GetInstanceAsync(instanceId, cancellationToken) is not { } raced || startAgain?.Invoke(raced) == true)
            {
                throw;
            }

            return false;
        }
    }
}
