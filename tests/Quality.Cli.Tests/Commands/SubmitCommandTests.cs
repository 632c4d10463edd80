using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Cli.Tests.Commands;

/// <summary><c>quality submit</c> against a real Azurite, on a pipeline of its own.</summary>
public sealed class SubmitCommandTests
{
    [Fact]
    public async Task Delivery_lands_in_incoming_under_its_header_name_with_the_batch_id_the_pipeline_will_use()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var sample = Repository.Sample("krippendorff-2011.jsonl");

        var run = await CliRun.InvokeAsync("submit", sample, "--connection", pipeline.ConnectionString, "--prefix", pipeline.Prefix);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var blob = await pipeline.Get<BlobDeliveryStore>().GetAsync("reference-data/krippendorff-2011/krippendorff-2011-c.jsonl", CancellationToken.None);
        Assert.NotNull(blob);
        Assert.Equal(new FileInfo(sample).Length, blob.Size);
        // The run id is a pure function of the blob's name and content (its MD5), so the CLI can name the batch.
        Assert.Contains($"batch {RunIds.For(blob.Name, blob.ContentKey)}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_header_exits_2_and_stores_nothing()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var file = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(file, """{"format":"serverless-quality.canonical","version":2}""" + "\n");

        var run = await CliRun.InvokeAsync("submit", file, "--connection", pipeline.ConnectionString, "--prefix", pipeline.Prefix);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith($"{Path.GetFileName(file)} line 1, field 'version':", run.Error, StringComparison.Ordinal);
        var stored = new List<string>();
        await foreach (var (name, _) in pipeline.Get<BlobDeliveryStore>().ListAsync(CancellationToken.None))
        {
            stored.Add(name);
        }

        Assert.Empty(stored);
    }
}
