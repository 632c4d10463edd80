using System.Diagnostics;
using System.Globalization;
using Quality.Domain.Formats.Canonical;
using Quality.Pipeline.Activities;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Benchmarks.Pipeline;

/// <summary>
/// Where a 1 GB pipeline run's ingest goes beyond the ingest core (issue 20 goal 4): a seeded canonical delivery of the
/// given size uploaded to Azurite once, then, 3 runs alternating, (a) the delivery blob read to its end and dropped,
/// (b) the in-memory delivery validated and written into the shard blobs as <see cref="Ingest"/> writes them, and
/// (c) both: what Ingest does, blob to shards. Wall seconds, this process's CPU seconds, the shared Azurite's (a node
/// process, single-threaded, holding every blob in memory) and the load, medians. Run:
/// <c>dotnet Quality.Benchmarks.dll ingest-storage [megabytes]</c>.
/// </summary>
internal static class IngestStorage
{
    private const int Runs = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var megabytes = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var bytes = megabytes * 1_000_000;
        await using var pipeline = await TestPipeline.StartAsync();
        var deliveries = pipeline.Get<BlobDeliveryStore>();
        var work = pipeline.Get<BlobWorkStore>();
        var options = pipeline.Get<Microsoft.Extensions.Options.IOptions<Quality.Pipeline.PipelineOptions>>().Value;
        var shards = ShardAssignment.ShardCount(bytes, options.ShardTargetBytes, options.MaxShards);
        const string blobName = "bench/acme/ingest-storage/delivery.jsonl";
        DeliveryBlob uploaded;
        await using (var content = new SyntheticDelivery(bytes))
        {
            var clock = Stopwatch.StartNew();
            await pipeline.Storage.Container(pipeline.Storage.Names.Incoming).GetBlobClient(blobName).UploadAsync(content, CancellationToken.None);
            uploaded = await deliveries.GetAsync(blobName, CancellationToken.None) ?? throw new InvalidOperationException("The delivery was not stored.");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest-storage: {content.Length / 1e6:N0} MB canonical delivery uploaded to Azurite in {clock.Elapsed.TotalSeconds:N1} s; {shards} shards"));
        }

        var results = new Dictionary<string, List<(double Wall, double Cpu, double Azurite)>>();
        for (var run = 0; run < Runs; run++)
        {
            await MeasureAsync("read the blob only", results, async () =>
            {
                await using var stream = await deliveries.OpenReadAsync(blobName, uploaded.ETag, CancellationToken.None);
                await stream.CopyToAsync(Stream.Null);
            });
            await MeasureAsync("write the shards only", results, async () =>
                await WriteShardsAsync(new SyntheticDelivery(bytes), work, $"bench-{run}", shards));
            await MeasureAsync("blob to shards (Ingest)", results, async () =>
                await WriteShardsAsync(await deliveries.OpenReadAsync(blobName, uploaded.ETag, CancellationToken.None), work, $"bench-{run}", shards));
        }

        foreach (var (step, runs) in results)
        {
            var wall = runs.Select(r => r.Wall).Order().ElementAt(Runs / 2);
            var cpu = runs.Select(r => r.Cpu).Order().ElementAt(Runs / 2);
            var azurite = runs.Select(r => r.Azurite).Order().ElementAt(Runs / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{step}: median {wall:N1} s wall ({bytes / 1e6 / wall:N0} MB/s), {cpu:N1} CPU-s in this process, {azurite:N1} CPU-s in Azurite"));
        }

        return 0;
    }

    private static async Task WriteShardsAsync(Stream delivery, BlobWorkStore work, string shardSet, int shards)
    {
        await using var input = delivery;
        using var reader = new CanonicalDeliveryReader(input, "delivery.jsonl");
        await reader.ReadHeaderAsync(CancellationToken.None);
        var outputs = new Stream[shards];
        for (var k = 0; k < shards; k++)
        {
            outputs[k] = await work.OpenShardForWriteAsync("ingest-storage", shardSet, k, CancellationToken.None);
        }

        await ShardWriter.WriteAsync(reader, outputs, CancellationToken.None);
        foreach (var output in outputs)
        {
            await output.DisposeAsync();
        }
    }

    private static async Task MeasureAsync(string step, Dictionary<string, List<(double, double, double)>> results, Func<Task> action)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var azurite = AzuriteCpu();
        var clock = Stopwatch.StartNew();
        await action();
        process.Refresh();
        var result = (clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds, (AzuriteCpu() - azurite).TotalSeconds);
        (results.TryGetValue(step, out var list) ? list : results[step] = []).Add(result);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {step}: {result.Item1:N1} s wall, {result.Item2:N1} CPU-s, Azurite {result.Item3:N1} CPU-s; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
    }

    /// <summary>The shared Azurite's CPU time so far (zero when it cannot be told apart).</summary>
    private static TimeSpan AzuriteCpu()
    {
        if (ChildProcesses.Find("azurite.js") is not { Count: 1 } found)
        {
            return TimeSpan.Zero;
        }

        using var node = Process.GetProcessById(found.Single());
        return node.TotalProcessorTime;
    }
}
