using System.Diagnostics;
using System.Globalization;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Benchmarks.Pipeline;

/// <summary>
/// End-to-end figures on a local Azurite with real dev host processes (Quality.LocalHost on the Durable Task engine)
/// under the dev host's own defaults: latency from blob upload to Completed, and wall time for many deliveries with one
/// host against two. Each prints medians over repeated runs, not a single run.
/// </summary>
internal static class PipelineBenchmarks
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A 1,000-item delivery uploaded to <c>incoming</c> (the dev host's blob watcher finds it) until Completed, with
    /// where the time went: the upload, waiting for the blob scan and the arrival (until the run is listed Pending),
    /// the orchestration's start and Ingest (until Running), the Compute fan-out and Finalize (until Completed), and
    /// this benchmark noticing (its 20 ms polling).
    /// </summary>
    /// <param name="maxPause">
    /// Each upload follows a random pause up to this. Longer pauses let the Durable queues' polling back off toward
    /// its maximum, as after a quiet spell.
    /// </param>
    public static async Task<int> LatencyAsync(int runs, TimeSpan maxPause)
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var settings = DevHostDefaults.Settings(pipeline.ConnectionString, pipeline.Prefix);
        Console.WriteLine(DevHostDefaults.Describe(settings));
        await using var host = HostProcess.Start(settings, "bench-host");
        await UploadAndWaitAsync(pipeline, "warm-up", DeliveryGenerator.Generate(items: 1000, seed: 999, deliveryId: "warm-up"), [host]);

        var measured = new List<Latency>();
        var pauses = new Random(2026);
        for (var i = 0; i < runs; i++)
        {
            var name = $"latency-{i}";
            var delivery = DeliveryGenerator.Generate(items: 1000, seed: i, deliveryId: name);
            // Back to back, each upload would land at the same point of the blob scan's period (a run takes about one
            // period), fixing the scan wait instead of sampling it; a delivery arrives at any moment.
            await Task.Delay(maxPause * pauses.NextDouble());
            var started = TimeProvider.System.GetUtcNow();
            var clock = Stopwatch.StartNew();
            var blobName = await UploadAsync(pipeline, name, delivery);
            var uploaded = clock.Elapsed;
            var runId = await RunIdAsync(pipeline, blobName);
            await WaitCompletedAsync(pipeline, runId, [host]);
            var total = clock.Elapsed;
            var timeline = await RunTimeline.ReadAsync(pipeline.Get<TableRunStore>(), runId, CancellationToken.None);
            var latency = new Latency(
                total, uploaded, timeline.Pending - started - uploaded, timeline.Ingesting, timeline.Computing, total - (timeline.Completed - started));
            measured.Add(latency);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  run {i + 1}: {Ms(latency.Total)} ms = upload {Ms(latency.Upload)} + until listed {Ms(latency.UntilListed)} + " +
                $"Pending→Running {Ms(latency.Ingesting)} + Running→Completed {Ms(latency.Computing)} + seen {Ms(latency.Seen)}"));
        }

        var totals = measured.Select(m => m.Total.TotalMilliseconds).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"upload → Completed, 1,000 items x 3 annotators x 2 fields, {runs} runs after a warm-up, each after a random pause of 0-{maxPause.TotalSeconds:0.#} s: " +
            $"median {Median(totals):0} ms, min {totals.Min():0} ms, max {totals.Max():0} ms " +
            $"(target ≤ 2000 ms: {(Median(totals) <= 2000 ? "met" : "not met")})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  medians by phase: upload {Median(measured, m => m.Upload):0} ms, upload → listed Pending {Median(measured, m => m.UntilListed):0} ms, " +
            $"Pending → Running {Median(measured, m => m.Ingesting):0} ms, Running → Completed {Median(measured, m => m.Computing):0} ms, " +
            $"Completed → seen {Median(measured, m => m.Seen):0} ms"));
        return 0;
    }

    /// <summary>Many deliveries at once, handled by one dev host process and then by two competing on the same task hub.</summary>
    /// <param name="settle">
    /// Start the clock once every partition has an owner and none is being handed over (with two hosts, two owners):
    /// the steady state. Without it the deliveries land while the second host is still taking partitions from the
    /// first, and orchestrations in a partition being handed over wait for it.
    /// </param>
    public static async Task<int> HostsAsync(int deliveries, int repeats, bool settle)
    {
        var one = new List<double>();
        var two = new List<double>();
        var stuck = new List<string>();
        for (var r = 0; r < repeats; r++)
        {
            foreach (var (hosts, times) in new[] { (1, one), (2, two) })
            {
                try
                {
                    times.Add(await WallTimeAsync(hosts, deliveries, seed: r, settle));
                }
                catch (TimeoutException ex)
                {
                    // A repeat whose run never ends has no wall time; the others still measure, and the stuck one is reported.
                    stuck.Add($"{hosts} host(s) repeat {r + 1}");
                    Console.WriteLine($"  {hosts} host(s), repeat {r + 1}: stuck. {ex.Message}");
                }
            }
        }

        var left = stuck.Count > 0 ? $"; stuck, left out: {string.Join(", ", stuck)}" : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{deliveries} deliveries of 2,000 items, {(settle ? "partitions settled first" : "partitions not settled")}, median of {repeats}: " +
            $"1 host {Median(one):0} ms, 2 hosts {Median(two):0} ms, ratio {Median(one) / Median(two):0.00}x " +
            $"(runs: 1 host [{string.Join(", ", one.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))}], " +
            $"2 hosts [{string.Join(", ", two.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))}]){left}"));
        return stuck.Count > 0 ? 1 : 0;
    }

    private static async Task<double> WallTimeAsync(int hosts, int deliveries, int seed, bool settle)
    {
        var extra = new Dictionary<string, string?> { ["Pipeline:ShardTargetBytes"] = "60000" };
        await using var pipeline = await TestPipeline.StartAsync(extra);
        // Same prefix, so the same task hub: the hosts compete for its partitions and work items.
        var settings = DevHostDefaults.Settings(pipeline.ConnectionString, pipeline.Prefix);
        settings["Pipeline:ShardTargetBytes"] = "60000";
        if (seed == 0 && hosts == 1)
        {
            Console.WriteLine(DevHostDefaults.Describe(settings));
        }

        var processes = Enumerable.Range(0, hosts).Select(h => HostProcess.Start(settings, $"host-{h}")).ToList();
        try
        {
            await UploadAndWaitAsync(pipeline, "warm-up", DeliveryGenerator.Generate(items: 100, seed: 1, deliveryId: "warm-up"), processes);
            var contents = Enumerable.Range(0, deliveries)
                .Select(i => DeliveryGenerator.Generate(items: 2000, seed: seed * 1000 + i, deliveryId: $"d-{i}")).ToList();
            var settled = settle ? await WaitSettledAsync(pipeline, hosts) : TimeSpan.Zero;
            var owners = Owners(await TaskHubState.PartitionsAsync(pipeline));

            var started = TimeProvider.System.GetUtcNow();
            var clock = Stopwatch.StartNew();
            var runIds = await Task.WhenAll(contents.Select(async (c, i) => await RunIdAsync(pipeline, await UploadAsync(pipeline, $"d-{i}", c))));
            try
            {
                foreach (var runId in runIds)
                {
                    await WaitCompletedAsync(pipeline, runId, processes);
                }
            }
            catch (TimeoutException)
            {
                HostLogs.Summarize(processes, $"hosts-{hosts}-repeat-{seed + 1}-stuck");
                throw;
            }

            var elapsed = clock.Elapsed.TotalMilliseconds;
            var runs = pipeline.Get<TableRunStore>();
            var timelines = await Task.WhenAll(runIds.Select(id => RunTimeline.ReadAsync(runs, id, CancellationToken.None)));
            var last = timelines.MaxBy(t => t.Completed);
            var shards = (await Task.WhenAll(runIds.Select(id => runs.GetAsync(id, CancellationToken.None)))).Select(r => r!.ShardCount).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {hosts} host(s), repeat {seed + 1}: {elapsed:0} ms ({shards.Min()}-{shards.Max()} shards a delivery); partitions {owners}{(settle ? $" (settled {settled.TotalSeconds:0.0} s after the warm-up)" : "")}; " +
                $"last run listed at {Ms(last.Pending - started)} ms, Running at {Ms(last.Running - started)} ms, Completed at {Ms(last.Completed - started)} ms"));
            HostLogs.Summarize(processes, $"hosts-{hosts}-repeat-{seed + 1}");
            return elapsed;
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    /// <summary>Partitions per owner, and hand-overs under way: <c>host-0 x2, host-1 x2</c>.</summary>
    private static string Owners(IReadOnlyList<(string Partition, string Owner, string? NextOwner)> partitions) =>
        string.Join(", ", partitions.GroupBy(p => p.NextOwner is null ? p.Owner : $"{p.Owner} → {p.NextOwner}").Select(g => $"{g.Key} x{g.Count()}"));

    /// <summary>Until the task hub's partitions are owned by <paramref name="hosts"/> hosts with no hand-over under way.</summary>
    private static async Task<TimeSpan> WaitSettledAsync(TestPipeline pipeline, int hosts)
    {
        var clock = Stopwatch.StartNew();
        while ((await TaskHubState.SettledOwnersAsync(pipeline)).Count != hosts)
        {
            if (clock.Elapsed > Patience)
            {
                throw new TimeoutException($"The partitions did not settle on {hosts} hosts: {await TaskHubState.DescribeAsync(pipeline, "-")}");
            }

            await Task.Delay(250);
        }

        return clock.Elapsed;
    }

    private static async Task UploadAndWaitAsync(TestPipeline pipeline, string name, string content, IReadOnlyList<HostProcess> hosts) =>
        await WaitCompletedAsync(pipeline, await RunIdAsync(pipeline, await UploadAsync(pipeline, name, content)), hosts);

    /// <summary>Uploads in one shot, as a vendor's client would; returns the blob's name.</summary>
    internal static async Task<string> UploadAsync(TestPipeline pipeline, string name, string content)
    {
        var blobName = $"bench/{name}.jsonl";
        await pipeline.IncomingBlob(blobName).UploadAsync(BinaryData.FromString(content), overwrite: true);
        return blobName;
    }

    /// <summary>The run the arrival will list for the blob: its id comes from the blob's name and content.</summary>
    internal static async Task<string> RunIdAsync(TestPipeline pipeline, string blobName)
    {
        var blob = await pipeline.Get<BlobDeliveryStore>().GetAsync(blobName, CancellationToken.None);
        return RunIds.For(blobName, blob!.ContentKey);
    }

    /// <param name="hosts">Whose state to report when the run does not end.</param>
    internal static async Task WaitCompletedAsync(TestPipeline pipeline, string runId, IReadOnlyList<HostProcess> hosts)
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

        var stuck = await runs.GetAsync(runId, CancellationToken.None);
        var exited = string.Join(", ", hosts.Select((h, i) => $"host-{i} {(h.HasExited ? "exited" : "running")}"));
        throw new TimeoutException(
            $"Run {runId} did not complete within {Patience}: still {stuck?.Status}; {await TaskHubState.DescribeAsync(pipeline, runId)}; {exited}");
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);

    private static double Median(List<Latency> measured, Func<Latency, TimeSpan> phase) =>
        Median(measured.Select(m => phase(m).TotalMilliseconds).ToList());

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>One delivery's upload → Completed and its phases; they add up to the total.</summary>
    private readonly record struct Latency(TimeSpan Total, TimeSpan Upload, TimeSpan UntilListed, TimeSpan Ingesting, TimeSpan Computing, TimeSpan Seen);
}
