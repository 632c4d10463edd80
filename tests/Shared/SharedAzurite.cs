using Quality.Pipeline.Local;

namespace Quality.Tests.Shared;

/// <summary>
/// One real Azurite per test process, started on free ports on first use and killed when the process exits.
/// Tests isolate themselves with a unique storage prefix instead of their own emulator.
/// </summary>
internal static class SharedAzurite
{
    private static readonly Lazy<Task<AzuriteProcess>> Instance = new(StartAsync);

    /// <summary>Azurite's debug log (every request), when set before the first use; the request-count benchmark sets it.</summary>
    public static string DebugLog { get; set; } = "";

    public static async Task<string> ConnectionStringAsync() => (await Instance.Value).ConnectionString;

    private static async Task<AzuriteProcess> StartAsync()
    {
        var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, DebugLog = DebugLog }, CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return azurite;
    }
}
