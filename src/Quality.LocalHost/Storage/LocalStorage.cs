using Quality.Pipeline.Local;
using Quality.Pipeline.Storage;

namespace Quality.LocalHost.Storage;

/// <summary>The storage account the dev host runs on: the configured one, or a pinned Azurite it starts itself.</summary>
internal static class LocalStorage
{
    /// <returns>The Azurite it started, to be stopped with the host; null when storage is configured.</returns>
    public static async Task<AzuriteProcess?> StartUnlessConfiguredAsync(IConfigurationManager configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[$"{StorageOptions.Section}:ConnectionString"] is { Length: > 0 } connection ? connection
            : configuration["AzureWebJobsStorage"] is { Length: > 0 } webJobs ? webJobs
            : null;
        AzuriteProcess? azurite = null;
        if (configured is null)
        {
            var options = configuration.GetSection(AzuriteOptions.Section).Get<AzuriteOptions>() ?? new AzuriteOptions();
            azurite = await AzuriteProcess.StartAsync(options, cancellationToken);
            configured = azurite.ConnectionString;
        }

        // The app's storage and the task hub's connection (host.json connectionName) are the same account.
        configuration[$"{StorageOptions.Section}:ConnectionString"] = configured;
        configuration["AzureWebJobsStorage"] = configured;
        return azurite;
    }
}
