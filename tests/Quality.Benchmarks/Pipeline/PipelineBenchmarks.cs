using System.Diagnostics;
using System.Globalization;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Benchmarks.Pipeline;

/// <summary>
/// End-to-end figures on a local Azurite with real host processes: latency from blob upload to Completed, and wall
/// time for many deliveries with one host against two. Each prints medians over repeated runs, not a single run.
/// </summary>
internal static class PipelineBenchmarks
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>A 1,000-item delivery uploaded to <c>incoming</c> (the host's blob watcher finds it) until Completed.</summary>
    public static async Task<int> LatencyAsync(int runs)
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await using var host = HostProcess.Start(TestPipeline.Settings(pipeline.ConnectionString, pipeline.Prefix), "bench-host");
        await UploadAndWaitAsync(pipeline, "warm-up", DeliveryGenerator.Generate(items: 1000, seed: 999, deliveryId: "warm-up"));

        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var delivery = DeliveryGenerator.Generate(items: 1000, seed: i, deliveryId: $"latency-{i}");
            var clock = Stopwatch.StartNew();
            await UploadAndWaitAsync(pipeline, $"latency-{i}", delivery);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"upload → Completed, 1,000 items x 3 annotators x 2 fields, blob watcher scanning every 0.5 s, {runs} runs: " +
            $"median {Median(times):0} ms, min {times.Min():0} ms, max {times.Max():0} ms"));
        return 0;
    }

    /// <summary>Many deliveries at once, handled by one host process and then by two competing ones.</summary>
    public static async Task<int> HostsAsync(int deliveries, int repeats)
    {
        var one = new List<double>();
        var two = new List<double>();
        for (var r = 0; r < repeats; r++)
        {
            one.Add(await WallTimeAsync(hosts: 1, deliveries, seed: r));
            two.Add(await WallTimeAsync(hosts: 2, deliveries, seed: r));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{deliveries} deliveries of 2,000 items (about 6 shards each), median of {repeats}: " +
            $"1 host {Median(one):0} ms, 2 hosts {Median(two):0} ms, ratio {Median(one) / Median(two):0.00}x " +
            $"(runs: 1 host [{string.Join(", ", one.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))}], " +
            $"2 hosts [{string.Join(", ", two.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))}])"));
        return 0;
    }

    private static async Task<double> WallTimeAsync(int hosts, int deliveries, int seed)
    {
        var extra = new Dictionary<string, string?> { ["Pipeline:ShardTargetBytes"] = "60000" };
        await using var pipeline = await TestPipeline.StartAsync(extra);
        var settings = TestPipeline.Settings(pipeline.ConnectionString, pipeline.Prefix);
        settings["Pipeline:ShardTargetBytes"] = "60000";
        var processes = Enumerable.Range(0, hosts).Select(h => HostProcess.Start(settings, $"host-{h}")).ToList();
        try
        {
            await UploadAndWaitAsync(pipeline, "warm-up", DeliveryGenerator.Generate(items: 100, seed: 1, deliveryId: "warm-up"));
            var contents = Enumerable.Range(0, deliveries)
                .Select(i => DeliveryGenerator.Generate(items: 2000, seed: seed * 1000 + i, deliveryId: $"d-{i}")).ToList();
            var clock = Stopwatch.StartNew();
            var runIds = await Task.WhenAll(contents.Select((c, i) => UploadAsync(pipeline, $"d-{i}", c)));
            foreach (var runId in runIds)
            {
                await WaitCompletedAsync(pipeline, runId);
            }

            return clock.Elapsed.TotalMilliseconds;
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    private static async Task UploadAndWaitAsync(TestPipeline pipeline, string name, string content) =>
        await WaitCompletedAsync(pipeline, await UploadAsync(pipeline, name, content));

    private static async Task<string> UploadAsync(TestPipeline pipeline, string name, string content)
    {
        var blobName = $"bench/{name}.jsonl";
        await pipeline.IncomingBlob(blobName).UploadAsync(BinaryData.FromString(content), overwrite: true);
        var blob = await pipeline.Get<BlobDeliveryStore>().GetAsync(blobName, CancellationToken.None);
        return RunIds.For(blobName, blob!.ContentKey);
    }

    private static async Task WaitCompletedAsync(TestPipeline pipeline, string runId)
    {
        var runs = pipeline.Get<TableRunStore>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            var run = await runs.GetAsync(runId, CancellationToken.None);
            if (run is { IsTerminal: true })
            {
                if (run.Status != RunStatus.Completed)
                {
                    throw new InvalidOperationException($"Run {runId} ended {run.Status}: {run.Reason}");
                }

                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"Run {runId} did not complete within {Patience}.");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
