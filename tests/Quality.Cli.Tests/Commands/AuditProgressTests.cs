using System.Diagnostics;
using System.Text.Json.Nodes;
using Quality.Tests.Shared;
using Xunit.Abstractions;

namespace Quality.Cli.Tests.Commands;

/// <summary>Progress of an audit over a second goes to stderr, as plain lines when stderr is no terminal, and never into <c>--json</c>.</summary>
public sealed class AuditProgressTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Audit_OverASecondWithJson_PrintsProgressOnStderrAndOnlyJsonOnStdout()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("quality-progress-").FullName, "large.jsonl");
        await File.WriteAllTextAsync(file, DeliveryGenerator.Generate(items: 40_000, annotators: 5, seed: 7, deliveryId: "large"));
        var clock = Stopwatch.StartNew();

        var run = await CliRun.InvokeAsync("audit", file, "--json");

        output.WriteLine($"{new FileInfo(file).Length:#,0} bytes audited in {clock.Elapsed.TotalSeconds:0.0} s; stderr:\n{run.Error}");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(1.5), $"the run took {clock.Elapsed}: too short to show progress; make the delivery larger");
        Assert.Equal("large", (string?)JsonNode.Parse(run.Output)!["delivery"]!["deliveryId"]);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.StartsWith("auditing large.jsonl: ", l, StringComparison.Ordinal));
        Assert.Matches(@"^auditing large\.jsonl: done in \d+\.\d s$", lines[^1]);
        File.Delete(file);
    }
}
