using System.Globalization;

namespace Quality.Pipeline.Activities;

/// <summary>Names of work items and the computation kinds a run fans out.</summary>
public static class WorkKeys
{
    /// <summary>Counts and nominal agreement per frame-tag field (<see cref="Quality.Domain.Audit.BatchAudit"/>).</summary>
    public const string BatchAudit = "batch-audit";

    /// <summary>Every kind each shard is computed for.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [BatchAudit];

    public static string For(string kind, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}-{shard:D5}");
}
