using System.Globalization;
using Microsoft.Extensions.Configuration;
using Quality.Pipeline;
using Quality.Tests.Shared;

namespace Quality.Benchmarks.Pipeline;

/// <summary>
/// A dev host process as a developer runs it: its own appsettings.json and host.json, given only the shared Azurite,
/// a storage prefix and a free port. Not <see cref="DevHostSettings"/>, whose faster polling and scans would measure
/// the tests' configuration instead of the one the figures are quoted for.
/// </summary>
internal static class DevHostDefaults
{
    /// <summary>TriggerOptions.BlobScanInterval's default (internal to the dev host, not in appsettings.json).</summary>
    private static readonly TimeSpan BlobScanDefault = TimeSpan.FromSeconds(1);

    public static Dictionary<string, string?> Settings(string connectionString, string prefix)
    {
        var settings = TestPipeline.Settings(connectionString, prefix);
        settings["urls"] = "http://127.0.0.1:0";
        return settings;
    }

    /// <summary>
    /// The settings passed and the timings they leave in effect, resolved in the dev host's order (host.json, then
    /// appsettings.json's <c>Durable</c> section, then what was passed), so a printed figure says what it ran under.
    /// </summary>
    public static string Describe(IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var hostJson = Json("host.json");
        var appSettings = Json("appsettings.json");
        var provider = hostJson.GetSection("extensions:durableTask:storageProvider");
        string Effective(string key, string? fromHostJson, string fallback) =>
            settings.GetValueOrDefault(key) ?? appSettings[key] ?? fromHostJson ?? fallback;

        var passed = settings
            .Where(s => s.Key != "Storage:ConnectionString")
            .Select(s => $"{s.Key}={s.Value}")
            .Prepend("Storage:ConnectionString=<shared Azurite>");
        return string.Create(CultureInfo.InvariantCulture,
            $"dev host settings passed: {string.Join(", ", passed)}; in effect: " +
            $"Triggers:BlobScanInterval {Effective("Triggers:BlobScanInterval", null, BlobScanDefault.ToString())}, " +
            $"Durable:MaxQueuePollingInterval {Effective("Durable:MaxQueuePollingInterval", provider["maxQueuePollingInterval"], "00:00:30")}, " +
            $"Durable:PartitionCount {Effective("Durable:PartitionCount", provider["partitionCount"], "4")}, " +
            $"Durable:MaxConcurrentActivityFunctions {Effective("Durable:MaxConcurrentActivityFunctions", hostJson["extensions:durableTask:maxConcurrentActivityFunctions"], "10")}, " +
            $"Pipeline:ShardTargetBytes {Effective("Pipeline:ShardTargetBytes", null, new PipelineOptions().ShardTargetBytes.ToString(CultureInfo.InvariantCulture))}, " +
            $"Pipeline:MaxShards {Effective("Pipeline:MaxShards", null, new PipelineOptions().MaxShards.ToString(CultureInfo.InvariantCulture))}");
    }

    /// <summary>The dev host's configuration files as copied next to Quality.LocalHost.dll, which is what the process reads.</summary>
    private static IConfigurationRoot Json(string file) =>
        new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, file), optional: false).Build();
}
