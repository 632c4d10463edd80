using System.Diagnostics;
using System.Text.Json.Nodes;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Contract;

/// <summary>
/// <c>dotnet publish</c> of the app makes a package the Functions host can run: the worker executable with its
/// runtime config, functions.metadata, host.json with the task hub, and the host's extensions for Durable and Blobs.
/// </summary>
public sealed class PublishPackageTests
{
    [Fact]
    public async Task Publish_FunctionsApp_DeployablePackage()
    {
        var output = Directory.CreateTempSubdirectory("quality-publish-").FullName;
        try
        {
            var configuration = Path.GetFileName(Path.GetDirectoryName(FunctionsMetadata.BuildOutput))!;
            var (exitCode, log) = await RunAsync("dotnet", "publish", Path.Combine(Repository.Root, "src", "Quality.Functions"),
                "-c", configuration, "--no-build", "-o", output);
            Assert.True(exitCode == 0, log);

            foreach (var file in new[] { "Quality.Functions", "Quality.Functions.dll", "Quality.Functions.runtimeconfig.json", "worker.config.json", "host.json", "functions.metadata", "extensions.json" })
            {
                Assert.True(File.Exists(Path.Combine(output, file)), $"{file} is missing from the package");
            }

            var worker = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "worker.config.json")))!;
            Assert.Equal("dotnet-isolated", (string?)worker["description"]!["language"]);
            var host = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "host.json")))!;
            Assert.Equal("QualityAudit", (string?)host["extensions"]!["durableTask"]!["hubName"]);
            Assert.Null(host["customHandler"]);
            var extensions = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "extensions.json")))!["extensions"]!.AsArray()
                .Select(e => (string)e!["name"]!).ToHashSet();
            Assert.Contains("DurableTask", extensions);
            Assert.Contains("AzureStorageBlobs", extensions);
            Assert.True(File.Exists(Path.Combine(output, ".azurefunctions", "Microsoft.Azure.WebJobs.Extensions.DurableTask.dll")));
            Assert.Equal(FunctionsMetadata.Read(Path.Combine(FunctionsMetadata.BuildOutput, "functions.metadata")),
                FunctionsMetadata.Read(Path.Combine(output, "functions.metadata")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
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
