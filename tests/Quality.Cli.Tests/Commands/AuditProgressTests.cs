using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Quality.Cli.Progress;
using Quality.Tests.Shared;

namespace Quality.Cli.Tests.Commands;

/// <summary>
/// Progress of work over a second goes to stderr, as plain lines when stderr is no terminal, and never into
/// <c>--json</c>. The second is the clock's: the tests move a fake clock rather than time the machine.
/// </summary>
public sealed class AuditProgressTests
{
    [Fact]
    public async Task Work_OverASecond_PrintsLinesThenDone_OnTheWriterOnly()
    {
        var clock = new FakeTimeProvider();
        var finish = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var error = new StringWriter();
        IProgress<long>? reporter = null;

        var running = WorkProgress.RunAsync(error, "auditing large.jsonl", 1000, progress =>
        {
            reporter = progress;
            return finish.Task;
        }, clock, CancellationToken.None);
        await Eventually.UntilAsync(() => Task.FromResult(reporter), "the work to start");
        reporter!.Report(250);
        clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.UntilAsync(() => Task.FromResult(error.ToString().Contains("25%", StringComparison.Ordinal) ? "" : null), "the first progress line");
        clock.Advance(TimeSpan.FromSeconds(1.5));
        finish.SetResult(42);

        Assert.Equal(42, await running);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("auditing large.jsonl: 25% (250 of 1,000 bytes read)", lines[0]);
        Assert.Equal("auditing large.jsonl: done in 2.5 s", lines[^1]);
    }

    [Fact]
    public async Task Work_WithinASecond_PrintsNothing()
    {
        using var error = new StringWriter();

        var result = await WorkProgress.RunAsync(error, "auditing small.jsonl", 10, _ => Task.FromResult(7), new FakeTimeProvider(), CancellationToken.None);

        Assert.Equal(7, result);
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public async Task Audit_WithJson_StdoutIsOnlyTheJson()
    {
        // Whether this run lasts a second depends on the machine; what must hold either way is that stdout is the
        // JSON alone (progress, when there is any, is the writer's above: stderr).
        var folder = Directory.CreateTempSubdirectory("quality-progress-").FullName;
        try
        {
            var file = Path.Combine(folder, "large.jsonl");
            await File.WriteAllTextAsync(file, DeliveryGenerator.Generate(items: 40_000, annotators: 5, seed: 7, deliveryId: "large"));

            var run = await CliRun.InvokeAsync("audit", file, "--json");

            Assert.Equal((ExitCodes.Success, ""), (run.ExitCode, run.Error)); // stderr: progress (left out of Error) or nothing
            Assert.Equal("large", (string?)JsonNode.Parse(run.Output)!["delivery"]!["deliveryId"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
