namespace Quality.Pipeline.Local;

/// <summary>How to start the pinned Azurite when no storage is configured.</summary>
public sealed class AzuriteOptions
{
    public const string Section = "Azurite";

    /// <summary>Folder with the package.json pinning Azurite; found by walking up to <c>tools/azurite</c> when empty.</summary>
    public string ToolDirectory { get; set; } = "";

    /// <summary>
    /// Keep data in this folder; empty keeps everything in memory (gone when the process stops). The dev host fills it
    /// with the repository's <c>.quality/azurite</c> unless <see cref="InMemory"/> is set.
    /// </summary>
    public string DataFolder { get; set; } = "";

    /// <summary>Keep everything in memory even where a data folder would be used (the dev host's <c>--in-memory</c>).</summary>
    public bool InMemory { get; set; }

    /// <summary>Ports; 0 lets the OS choose (tests). The local host uses the well-known 10000-10002.</summary>
    public int BlobPort { get; set; } = 10000;

    public int QueuePort { get; set; } = 10001;

    public int TablePort { get; set; } = 10002;

    /// <summary>How long to wait for the three services to listen.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a graceful stop (its data written, its ports closed) may take before the process is killed.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A file for Azurite's debug log, one entry per request it serves (the request-count benchmark reads it); none when empty.</summary>
    public string DebugLog { get; set; } = "";

    /// <summary>Whether Azurite keeps its data in memory with these options.</summary>
    public bool KeepsDataInMemory => InMemory || string.IsNullOrEmpty(DataFolder);
}
