using System.Diagnostics;
using System.Text;
using Quality.Tests.Shared;
using Xunit.Abstractions;

namespace Quality.Readme.Tests;

/// <summary>
/// Every command of the README's <c>bash</c> blocks, run as written, top to bottom: against a dev host process this test
/// starts (its own in-memory Azurite on free ports, on a free HTTP port that replaces 7071), with the shipped samples,
/// <c>quality</c> installed by the README's own <c>eng/install-cli.sh</c> into a folder of the test's — the managed command
/// (<c>QUALITY_CLI_NATIVE=0</c>): the native one, the default where a C compiler is on PATH, is installed once by
/// <see cref="NativeCommandTests"/>, which holds it to the managed command's output. Each must exit 0 and print what its
/// <c>output</c> block says.
/// </summary>
[Collection(InstallCli.Collection)]
public sealed class ReadmeTests(ITestOutputHelper log)
{
    /// <summary>Azurite's published development account key (public, dev-only).</summary>
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>How long a command may keep printing something else before it counts as wrong: "within a second or two".</summary>
    private static readonly TimeSpan Settling = TimeSpan.FromSeconds(60);

    private static string Readme => File.ReadAllText(Path.Combine(Repository.Root, "README.md"));

    [Fact]
    public async Task Readme_EveryCommand_ExitsZeroAndPrintsWhatTheReadmeSays()
    {
        var commands = ReadmeCommands.Parse(Readme);
        var (http, azurite) = (FreePorts.One(), FreePorts.Consecutive(3));
        var tools = Directory.CreateTempSubdirectory("readme-tool-").FullName;
        var environment = new Dictionary<string, string>(InstallCli.Environment)
        {
            ["QUALITY_TOOL_PATH"] = tools,
            ["QUALITY_CLI_NATIVE"] = "0", // compiled natively once per test run, by NativeCommandTests
            ["PATH"] = tools + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["QUALITY_STORAGE"] = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{azurite}/devstoreaccount1;" +
                $"QueueEndpoint=http://127.0.0.1:{azurite + 1}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{azurite + 2}/devstoreaccount1;"),
        };
        await using var host = HostProcess.Start(new Dictionary<string, string?>(), "readme",
            ["--in-memory", "--azurite-ports", $"{azurite}", "--urls", $"http://127.0.0.1:{http}"]);
        await Eventually.UntilAsync(() => Task.FromResult(host.Output.Contains("Listening on", StringComparison.Ordinal) || host.HasExited ? "ended" : null),
            "the dev host listening", TimeSpan.FromSeconds(90));
        Assert.False(host.HasExited, host.Output);

        var failures = new StringBuilder();
        foreach (var command in commands.Where(c => c.NotRunReason is null))
        {
            var text = command.Text.Replace("http://localhost:7071", $"http://127.0.0.1:{http}", StringComparison.Ordinal);
            var clock = Stopwatch.StartNew();
            var run = await ShellRun.RunAsync(text, Repository.Root, environment, TimeSpan.FromMinutes(5));
            while (run.ExitCode == 0 && command.Expected is { } pending && !pending.Matches(run.Output) && IsRead(text) && clock.Elapsed < Settling)
            {
                await Task.Delay(500);
                run = await ShellRun.RunAsync(text, Repository.Root, environment, TimeSpan.FromMinutes(5));
            }

            log.WriteLine($"{command} ({clock.Elapsed.TotalSeconds:0.0} s, exit {run.ExitCode})");
            if (run.ExitCode != 0)
            {
                failures.Append(FormattableString.Invariant($"\n{command}\n  exited {run.ExitCode}\n{Indent(run.Output)}{Indent(run.Error)}"));
            }
            else if (command.Expected is { } expected && !expected.Matches(run.Output))
            {
                failures.Append(FormattableString.Invariant($"\n{command}\n  printed:\n{Indent(run.Output)}  but the README says:\n{Indent(expected.ToString())}"));
            }
        }

        Directory.Delete(tools, recursive: true);
        Assert.True(failures.Length == 0, "README commands that did not do what the README says:" + failures + "\ndev host output:\n" + host.Output);
    }

    [Fact]
    public void Readme_CommandsNotRun_AreTheTwoLongRunningOnesAndSayWhy()
    {
        var notRun = ReadmeCommands.Parse(Readme).Where(c => c.NotRunReason is not null).ToList();

        Assert.Equal(["dotnet run --project src/Quality.LocalHost", "dotnet test Serverless.Quality.sln"], notRun.Select(c => c.Text));
        Assert.All(notRun, c => Assert.NotEqual("", c.NotRunReason));
    }

    [Fact]
    public void Readme_CommandsRun_UseTheInstalledToolNotDotnetRun()
    {
        var commands = ReadmeCommands.Parse(Readme).Where(c => c.NotRunReason is null).ToList();

        Assert.Contains(commands, c => c.Text.StartsWith("quality ", StringComparison.Ordinal));
        Assert.DoesNotContain(commands, c => c.Text.Contains("--project src/Quality.Cli", StringComparison.Ordinal));
    }

    /// <summary>A command that only reads (a GET): run again while what it prints is still settling.</summary>
    private static bool IsRead(string command) => command.StartsWith("curl -s ", StringComparison.Ordinal) && !command.Contains(" -X ", StringComparison.Ordinal);

    private static string Indent(string text) => string.Concat(text.Split('\n').Where(l => l.Length > 0).Select(l => "    " + l + "\n"));
}
