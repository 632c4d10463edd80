namespace Quality.Tests.Shared;

/// <summary>
/// Settings for a dev host (in-process or a <see cref="HostProcess"/>) on a test pipeline's storage: its prefix in front
/// of every container, table and the task hub; two partitions; polling and blob scans fast enough for tests.
/// </summary>
internal static class DevHostSettings
{
    /// <param name="processing">False: the host serves the API and starts audits, but watches no blobs and runs no orchestrations.</param>
    public static Dictionary<string, string?> For(string connectionString, string prefix, bool processing)
    {
        var settings = TestPipeline.Settings(connectionString, prefix);
        settings["urls"] = "http://127.0.0.1:0";
        settings["Durable:Worker"] = processing ? "true" : "false";
        settings["Durable:PartitionCount"] = "2";
        settings["Durable:MaxQueuePollingInterval"] = "00:00:00.200";
        settings["Triggers:Blobs"] = processing ? "true" : "false";
        settings["Triggers:Timers"] = "false";
        settings["Triggers:BlobScanInterval"] = "00:00:00.200";
        settings["Logging:LogLevel:Default"] = "Warning";
        return settings;
    }
}
