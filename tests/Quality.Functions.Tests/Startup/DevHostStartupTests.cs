using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Startup;

/// <summary>
/// The dev host's start as a user sees it in the terminal: each step with its time, the first line at once, and a port
/// that is taken said in one sentence with its fix, exit code 1 and no stack trace.
/// </summary>
public sealed class DevHostStartupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Start_OwnAzurite_SaysEachStepWithItsTime()
    {
        var (http, azurite) = (FreePorts.One(), FreePorts.Consecutive(3));
        await using var host = HostProcess.Start(new Dictionary<string, string?>(), "steps", ["--in-memory", "--azurite-ports", $"{azurite}", "--urls", $"http://127.0.0.1:{http}"]);

        await Eventually.UntilAsync(() => Task.FromResult(host.Output.Contains("Listening on", StringComparison.Ordinal) || host.HasExited ? "ended" : null),
            "the dev host listening", Patience);

        var lines = host.Output.Split('\n');
        Assert.Equal("Serverless.Quality dev host: starting (--help for options)", lines[0]);
        Assert.Contains(lines, l => Step($"Azurite: listening on 127.0.0.1:{azurite}-{azurite + 2}, data in memory (gone when the host stops); started in ").IsMatch(l));
        Assert.Contains(lines, l => Step("Functions: storage, task hub, triggers and HTTP started in ").IsMatch(l));
        Assert.Contains(lines, l => l.StartsWith($"Listening on http://127.0.0.1:{http}; ready ", StringComparison.Ordinal) && l.EndsWith(" after start. Ctrl-C stops the host and Azurite.", StringComparison.Ordinal));
    }

    /// <summary>
    /// A fresh clone: Azurite is not installed, and npm ci takes about a minute; the user is told first, before the
    /// install has written anything (the figure, a fraction of a second, is the README's, not a timed assertion).
    /// </summary>
    [Fact]
    public async Task Start_AzuriteNotInstalled_SaysItIsInstallingBeforeInstalling()
    {
        var tool = Directory.CreateTempSubdirectory("fresh-azurite-").FullName;
        foreach (var file in new[] { "package.json", "package-lock.json" })
        {
            File.Copy(Path.Combine(Repository.Root, "tools", "azurite", file), Path.Combine(tool, file));
        }

        await using (var host = HostProcess.Start(new Dictionary<string, string?> { ["Azurite:ToolDirectory"] = tool }, "fresh", ["--in-memory", "--azurite-ports", "0", "--urls", "http://127.0.0.1:0"]))
        {
            await Eventually.UntilAsync(() => Task.FromResult(host.Output.Contains("npm ci", StringComparison.Ordinal) || host.HasExited ? "said" : null),
                "the install announced", TimeSpan.FromSeconds(30));
            var installedWhenSaid = Directory.Exists(Path.Combine(tool, "node_modules", "azurite"));

            var lines = host.Output.Split('\n');
            Assert.Equal($"Azurite: installing 3.37.0 with npm ci in {tool} (the first run only; about a minute)", lines[1].TrimEnd());
            Assert.False(installedWhenSaid, "the install was announced only after it had run");
        }

        Directory.Delete(tool, recursive: true);
    }

    /// <summary>No folder given, no --in-memory: the data stays in .quality/azurite at the root of the checkout, which git ignores.</summary>
    [Fact]
    public async Task Start_NoDataFolderGiven_KeepsDataInTheCheckoutsQualityFolder()
    {
        // A checkout of its own (tools/azurite with the installed Azurite linked in), so a developer's .quality is left alone.
        var checkout = Directory.CreateTempSubdirectory("checkout-").FullName;
        var tool = Directory.CreateDirectory(Path.Combine(checkout, "tools", "azurite")).FullName;
        foreach (var file in new[] { "package.json", "package-lock.json" })
        {
            File.Copy(Path.Combine(Repository.Root, "tools", "azurite", file), Path.Combine(tool, file));
        }

        Directory.CreateSymbolicLink(Path.Combine(tool, "node_modules"), Path.Combine(Repository.Root, "tools", "azurite", "node_modules"));
        var data = Path.Combine(checkout, ".quality", "azurite");
        await using (var host = HostProcess.Start(new Dictionary<string, string?> { ["Azurite:ToolDirectory"] = tool }, "default-data",
            ["--azurite-ports", $"{FreePorts.Consecutive(3)}", "--urls", $"http://127.0.0.1:{FreePorts.One()}"]))
        {
            await Eventually.UntilAsync(() => Task.FromResult(host.Output.Contains("Listening on", StringComparison.Ordinal) || host.HasExited ? "ended" : null),
                "the dev host listening", Patience);

            Assert.Contains($"data in {data} (--in-memory for a throwaway run)", host.Output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(data, "__azurite_db_blob__.json")), host.Output);
        }

        Assert.Contains(".quality/", File.ReadAllLines(Path.Combine(Repository.Root, ".gitignore")));
        Directory.Delete(checkout, recursive: true);
    }

    [Fact]
    public async Task Start_AzuritePortTaken_OneSentenceWithTheFixAndExit1()
    {
        var first = FreePorts.Consecutive(3);
        using var taken = new TcpListener(IPAddress.Loopback, first + 1); // the queue port: Azurite's blob service starts, then fails
        taken.Start();

        await using var host = HostProcess.Start(new Dictionary<string, string?>(), "azurite-port-taken", ["--in-memory", "--azurite-ports", $"{first}", "--urls", "http://127.0.0.1:0"]);

        Assert.True(await host.WaitForExitAsync(Patience), host.Output);
        Assert.Equal(1, host.ExitCode);
        Assert.Equal(
            $"Port {first + 1} is in use, so Azurite cannot start there; another Azurite is probably running: use it with " +
            "`AzureWebJobsStorage=UseDevelopmentStorage=true dotnet run --project src/Quality.LocalHost`, or start this host's own on other ports with " +
            $"`dotnet run --project src/Quality.LocalHost -- --azurite-ports {(first + 1 < 20000 ? 20000 : first + 101)}`.",
            host.Errors);
        Assert.DoesNotContain("   at ", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_HttpPortTaken_OneSentenceWithTheFixAndExit1BeforeStartingAzurite()
    {
        var port = FreePorts.One();
        using var taken = new TcpListener(IPAddress.Loopback, port);
        taken.Start();

        await using var host = HostProcess.Start(new Dictionary<string, string?>(), "http-port-taken", ["--in-memory", "--azurite-ports", "0", "--urls", $"http://127.0.0.1:{port}"]);

        Assert.True(await host.WaitForExitAsync(Patience), host.Output);
        Assert.Equal(1, host.ExitCode);
        Assert.Equal(
            $"http://127.0.0.1:{port} is in use (another dev host?), so this one cannot listen there: stop the other, or listen elsewhere with " +
            "`dotnet run --project src/Quality.LocalHost -- --urls http://localhost:7072`.",
            host.Errors);
        Assert.DoesNotContain("Azurite:", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", host.Output, StringComparison.Ordinal);
    }

    /// <summary>A step's line: its text, then "in N.N s".</summary>
    private static Regex Step(string text) => new("^" + Regex.Escape(text) + @"\d+\.\d s$", RegexOptions.CultureInvariant);
}
