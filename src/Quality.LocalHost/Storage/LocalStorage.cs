using System.Globalization;
using Quality.LocalHost.Startup;
using Quality.Pipeline.Local;
using Quality.Pipeline.Storage;

namespace Quality.LocalHost.Storage;

/// <summary>
/// The storage account the dev host runs on: the configured one, or a pinned Azurite it starts itself, keeping its data
/// in the repository's <c>.quality/azurite</c> (git-ignored) unless <c>Azurite:DataFolder</c> names another folder or
/// <c>Azurite:InMemory</c> (<c>--in-memory</c>) keeps it in memory.
/// </summary>
internal static class LocalStorage
{
    /// <summary>Where the data stays by default, relative to the repository's root.</summary>
    public static readonly string DefaultDataFolder = Path.Combine(".quality", "azurite");

    /// <returns>The Azurite it started, to be stopped after the host; null when storage is configured.</returns>
    public static async Task<AzuriteProcess?> StartUnlessConfiguredAsync(IConfigurationManager configuration, StartupProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(progress);
        var configured = configuration[$"{StorageOptions.Section}:ConnectionString"] is { Length: > 0 } connection ? connection
            : configuration["AzureWebJobsStorage"] is { Length: > 0 } webJobs ? webJobs
            : null;
        AzuriteProcess? azurite = null;
        if (configured is null)
        {
            var options = configuration.GetSection(AzuriteOptions.Section).Get<AzuriteOptions>() ?? new AzuriteOptions();
            var installation = AzuriteInstallation.Find(options);
            if (!options.InMemory && string.IsNullOrEmpty(options.DataFolder))
            {
                options.DataFolder = Path.GetFullPath(Path.Combine(installation.Directory, "..", "..", DefaultDataFolder));
            }

            if (!installation.IsInstalled)
            {
                await progress.StepAsync(
                    $"Azurite: installing {installation.PinnedVersion ?? "the pinned version"} with npm ci in {Shown(installation.Directory)} (the first run only; about a minute)",
                    async () => { await installation.InstallAsync(cancellationToken); return 0; },
                    _ => "Azurite: installed");
            }

            azurite = await progress.StepAsync(
                null,
                () => AzuriteProcess.StartAsync(options, cancellationToken),
                started => $"Azurite: listening on {Ports(started)}, " +
                    (options.KeepsDataInMemory ? "data in memory (gone when the host stops)" : $"data in {Shown(options.DataFolder)} (--in-memory for a throwaway run)") +
                    "; started");
            configured = azurite.ConnectionString;
        }
        else
        {
            progress.Say("Storage: the configured account (Storage:ConnectionString or AzureWebJobsStorage); no Azurite started");
        }

        // The app's storage and the task hub's connection (host.json connectionName) are the same account.
        configuration[$"{StorageOptions.Section}:ConnectionString"] = configured;
        configuration["AzureWebJobsStorage"] = configured;
        return azurite;
    }

    private static string Ports(AzuriteProcess azurite) =>
        azurite.QueuePort == azurite.BlobPort + 1 && azurite.TablePort == azurite.BlobPort + 2
            ? string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{azurite.BlobPort}-{azurite.TablePort}")
            : string.Create(CultureInfo.InvariantCulture, $"127.0.0.1 (blob {azurite.BlobPort}, queue {azurite.QueuePort}, table {azurite.TablePort})");

    /// <summary>A folder as the user would type it from here: relative below the working directory, else in full.</summary>
    private static string Shown(string folder)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), folder);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? folder : relative;
    }
}
