using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace Quality.Pipeline.Local;

/// <summary>
/// The pinned Azurite of <c>tools/azurite</c>: where it is, whether <c>npm ci</c> has installed it, and installing it
/// once (under a lock file, so test processes starting together do not run npm over each other).
/// </summary>
public sealed class AzuriteInstallation
{
    private AzuriteInstallation(string directory)
    {
        Directory = directory;
        Entry = Path.Combine(directory, "node_modules", "azurite", "dist", "src", "azurite.js");
    }

    /// <summary>The folder with the package.json that pins Azurite.</summary>
    public string Directory { get; }

    /// <summary>Azurite's own entry script, there once installed.</summary>
    public string Entry { get; }

    public bool IsInstalled => File.Exists(Entry);

    /// <summary>The version package.json pins (<c>3.37.0</c>), or null when it names none.</summary>
    public string? PinnedVersion
    {
        get
        {
            try
            {
                using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "package.json")));
                return json.RootElement.TryGetProperty("dependencies", out var dependencies) && dependencies.TryGetProperty("azurite", out var version)
                    ? version.GetString()
                    : null;
            }
            catch (Exception ex) when (ex is IOException or JsonException or InvalidOperationException)
            {
                return null;
            }
        }
    }

    /// <summary>The configured folder, else <c>tools/azurite</c> found above the working directory or the binaries.</summary>
    public static AzuriteInstallation Find(AzuriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AzuriteInstallation(string.IsNullOrEmpty(options.ToolDirectory) ? FindToolDirectory() : Path.GetFullPath(options.ToolDirectory));
    }

    /// <summary>tools/azurite of the repository: searched upward from the working directory and from the binaries.</summary>
    public static string FindToolDirectory()
    {
        foreach (var start in new[] { System.IO.Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tools", "azurite");
                if (File.Exists(Path.Combine(candidate, "package.json")))
                {
                    return candidate;
                }
            }
        }

        throw new AzuriteException(
            "There is no tools/azurite/package.json above the working directory or the binaries: run from the repository, set " +
            "Azurite:ToolDirectory, or use running storage with AzureWebJobsStorage.");
    }

    /// <summary>Runs <c>npm ci</c> unless Azurite is installed, waiting for another process that is installing it.</summary>
    public async Task InstallAsync(CancellationToken cancellationToken)
    {
        var lockPath = Path.Combine(Directory, ".install.lock");
        while (!IsInstalled)
        {
            try
            {
                await using var held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                if (!IsInstalled)
                {
                    await NpmCiAsync(cancellationToken);
                }

                return;
            }
            catch (IOException)
            {
                await Task.Delay(500, cancellationToken); // another process is installing
            }
        }
    }

    private async Task NpmCiAsync(CancellationToken cancellationToken)
    {
        var npm = new ProcessStartInfo("npm") { WorkingDirectory = Directory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            npm.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(npm) ?? throw new AzuriteException("npm did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new AzuriteException("npm was not found: install Node.js 20 or later (it brings npm), or use running storage with AzureWebJobsStorage.", ex);
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            if (process.ExitCode != 0)
            {
                throw new AzuriteException($"npm ci in {Directory} failed with exit code {process.ExitCode}: {(await errors).Trim()}");
            }
        }
    }
}
