using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Contract;

/// <summary>
/// <c>eng/package.sh</c>, the one command that builds the deployment zip, makes a package the Functions host can run:
/// the worker executable with its runtime config, functions.metadata, host.json (task hub, OpenTelemetry) at the root,
/// and the host's extensions for Durable and Blobs — and nothing local (settings files, Azurite).
/// </summary>
public sealed class PublishPackageTests
{
    [Fact]
    public async Task PackageScript_BuildsADeployableZip()
    {
        var folder = Directory.CreateTempSubdirectory("quality-package-").FullName;
        try
        {
            var zipPath = Path.Combine(folder, "quality-functions.zip");
            var (exitCode, log) = await RunAsync(Path.Combine(Repository.Root, "eng", "package.sh"), zipPath);
            Assert.True(exitCode == 0, log);

            using var zip = ZipFile.OpenRead(zipPath);
            var entries = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
            foreach (var file in new[]
            {
                "Quality.Functions", "Quality.Functions.dll", "Quality.Functions.runtimeconfig.json", "worker.config.json", "host.json",
                "functions.metadata", "extensions.json", ".azurefunctions/Microsoft.Azure.WebJobs.Extensions.DurableTask.dll",
            })
            {
                Assert.True(entries.Contains(file), $"{file} is missing from the package");
            }

            Assert.DoesNotContain(entries, e => e.Contains("local.settings", StringComparison.Ordinal) || e.StartsWith("appsettings", StringComparison.Ordinal));
            var worker = Read(zip, "worker.config.json");
            Assert.Equal("dotnet-isolated", (string?)worker["description"]!["language"]);
            var host = Read(zip, "host.json");
            Assert.Equal("QualityAudit", (string?)host["extensions"]!["durableTask"]!["hubName"]);
            Assert.Equal("OpenTelemetry", (string?)host["telemetryMode"]);
            Assert.Null(host["customHandler"]);
            var extensions = Read(zip, "extensions.json")["extensions"]!.AsArray().Select(e => (string)e!["name"]!).ToHashSet();
            Assert.Contains("DurableTask", extensions);
            Assert.Contains("AzureStorageBlobs", extensions);
            var packaged = Path.Combine(folder, "functions.metadata");
            zip.GetEntry("functions.metadata")!.ExtractToFile(packaged);
            Assert.Equal(FunctionsMetadata.Read(Path.Combine(FunctionsMetadata.BuildOutput, "functions.metadata")), FunctionsMetadata.Read(packaged));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static JsonNode Read(ZipArchive zip, string entry)
    {
        using var stream = zip.GetEntry(entry)!.Open();
        return JsonNode.Parse(stream)!;
    }

    private static async Task<(int ExitCode, string Log)> RunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
