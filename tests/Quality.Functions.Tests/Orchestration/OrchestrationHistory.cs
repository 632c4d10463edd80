using System.Text.Json.Nodes;
using DurableTask.AzureStorage;
using DurableTask.Core.History;

namespace Quality.Functions.Tests.Orchestration;

/// <summary>An orchestration's history as the task hub stores it: each event's type (TaskScheduled, …) and name.</summary>
internal static class OrchestrationHistory
{
    public static async Task<IReadOnlyList<(string Type, string? Name)>> ReadAsync(AzureStorageOrchestrationService hub, string instanceId)
    {
        var state = (await hub.GetOrchestrationStateAsync(instanceId, allExecutions: false)).Single()
            ?? throw new InvalidOperationException($"No orchestration {instanceId}");
        var json = await hub.GetOrchestrationHistoryAsync(instanceId, state.OrchestrationInstance.ExecutionId);
        return [.. JsonNode.Parse(json)!.AsArray().Select(e => (
            Type: ((EventType)(int)e!["EventType"]!).ToString(),
            Name: (string?)e["Name"]))];
    }
}
