using System.Diagnostics;
using System.Globalization;
using Azure.Storage;
using Azure.Storage.Blobs.Models;
using Quality.Pipeline.Facts;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Benchmarks.Pipeline;

/// <summary>
/// Whether a dev host's memory stays flat with the size of a delivery: one <see cref="SyntheticDelivery"/> of the
/// given size streamed to <c>incoming</c> as one blob, one dev host process under its own defaults (4 MiB shards, at
/// most 256), and the host's resident memory sampled every 200 ms from before the upload until the run is Completed.
/// Prints the times per phase from the run's history and the working set at the upload's end, at ingest's end, at the
/// end, the highest sample and the kernel's peak (VmHWM). The delivery's taxonomy (driving@1.0.0) is not registered,
/// so the run is audited unchecked, as any delivery of an unpublished taxonomy is. <c>--set Key=Value</c> changes one
/// of the dev host's settings.
/// </summary>
internal static class DevHostMemory
{
    private const int Mebibyte = 1024 * 1024;
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var megabytes = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        await using var pipeline = await TestPipeline.StartAsync();
        var settings = DevHostDefaults.Settings(pipeline.ConnectionString, pipeline.Prefix);
        // --set Key=Value, repeatable: one setting changed from the defaults, to see what the memory follows (e.g.
        // Durable:MaxConcurrentActivityFunctions=2). A key without ':' reaches the process as an environment variable
        // of that name: DOTNET_gcServer=0 runs workstation GC instead of the Web SDK's server GC, whose heaps grow with
        // what is free, which tells data that grows with the delivery from GC slack.
        for (var i = Array.IndexOf(args, "--set"); i >= 0 && i + 1 < args.Length; i = Array.IndexOf(args, "--set", i + 2))
        {
            var (key, value) = (args[i + 1].Split('=', 2)[0], args[i + 1].Split('=', 2)[^1]);
            settings[key] = value;
        }

        Console.WriteLine(DevHostDefaults.Describe(settings));

        await using var host = HostProcess.Start(settings, "bench-memory");
        using var devHost = Process.GetProcessById(host.Id);
        using var sampling = new CancellationTokenSource();
        using var azuriteProcess = ChildProcesses.Find("azurite.js") is { Count: 1 } node ? Process.GetProcessById(node.Single()) : null;
        var samples = SampleAsync(devHost, azuriteProcess, sampling.Token);

        await using var delivery = new SyntheticDelivery(megabytes * 1_000_000);
        var blobName = string.Create(CultureInfo.InvariantCulture, $"bench/memory-{megabytes}.jsonl");
        var blob = pipeline.IncomingBlob(blobName);
        var started = TimeProvider.System.GetUtcNow();
        var clock = Stopwatch.StartNew();
        // Staged in 8 MiB blocks whatever the size, so 200 MB and 2 GB land the same way (the SDK would otherwise
        // send up to 256 MiB in a single request) and this process never holds more than a few blocks.
        await blob.UploadAsync(delivery, new BlobUploadOptions
        {
            TransferOptions = new StorageTransferOptions { InitialTransferSize = 8 * Mebibyte, MaximumTransferSize = 8 * Mebibyte, MaximumConcurrency = 4 },
        });
        var uploaded = TimeProvider.System.GetUtcNow();
        var properties = await pipeline.Get<BlobDeliveryStore>().GetAsync(blobName, CancellationToken.None);
        var runId = RunIds.For(blobName, properties!.ContentKey);

        var run = await WaitTerminalAsync(pipeline.Get<TableRunStore>(), runId, host);
        var total = clock.Elapsed;
        devHost.Refresh();
        var peak = devHost.PeakWorkingSet64;
        var azurite = AzuritePeak();
        await sampling.CancelAsync();
        var sampled = await samples;
        if (run.Status != RunStatus.Completed)
        {
            Console.WriteLine($"run {runId} ended {run.Status}: {run.Reason}\n{host.Output}");
            return 1;
        }

        var timeline = await RunTimeline.ReadAsync(pipeline.Get<TableRunStore>(), runId, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"delivery {delivery.Length / 1e6:N0} MB, {run.Metrics?.Annotations:N0} annotations, {run.Metrics?.Items:N0} items, {run.ShardCount} shards, " +
            $"taxonomy checked: {run.TaxonomyChecked}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  times: upload {(uploaded - started).TotalSeconds:N1} s, upload → listed Pending {(timeline.Pending - uploaded).TotalSeconds:N1} s, " +
            $"Pending → Running (orchestration start + Ingest) {timeline.Ingesting.TotalSeconds:N1} s, " +
            $"Running → Completed (Compute x {run.ShardCount} shards + Finalize) {timeline.Computing.TotalSeconds:N1} s; " +
            $"upload start → Completed seen {total.TotalSeconds:N1} s"));
        // Compute writes its partial last, so the newest partial ends the fan-out and Finalize is the rest (Last-Modified has whole seconds).
        var lastPartial = DateTimeOffset.MinValue;
        await foreach (var partial in pipeline.Storage.Container(pipeline.Storage.Names.Work).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{runId}/partials/", CancellationToken.None))
        {
            lastPartial = partial.Properties.LastModified is { } modified && modified > lastPartial ? modified : lastPartial;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  of which Running → last partial written (the Computes) {(lastPartial - timeline.Running).TotalSeconds:N0} s, then Finalize {(timeline.Completed - lastPartial).TotalSeconds:N0} s " +
            $"(dev host {Cpu(sampled, s => s.HostCpu, lastPartial, timeline.Completed)}, Azurite {Cpu(sampled, s => s.AzuriteCpu, lastPartial, timeline.Completed)} CPU-s); whole seconds"));
        Console.WriteLine(await FinalizeStepsAsync(pipeline, runId, lastPartial, timeline.Completed));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  dev host working set: at upload end {MiB(At(sampled, uploaded))} MiB, highest while ingesting {MiB(Max(sampled, timeline.Pending, timeline.Running))} MiB, " +
            $"at ingest end {MiB(At(sampled, timeline.Running))} MiB, highest while computing {MiB(Max(sampled, timeline.Running, timeline.Completed))} MiB, " +
            $"at the end {MiB(sampled[^1].WorkingSet)} MiB; highest sample {MiB(sampled.Max(s => s.WorkingSet))} MiB, " +
            $"peak working set (VmHWM) {MiB(peak)} MiB; {sampled.Count} samples every {SampleInterval.TotalMilliseconds:0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  CPU seconds (user + system) while ingesting: dev host {Cpu(sampled, s => s.HostCpu, timeline.Pending, timeline.Running)}, Azurite {Cpu(sampled, s => s.AzuriteCpu, timeline.Pending, timeline.Running)}; " +
            $"while computing and finalizing: dev host {Cpu(sampled, s => s.HostCpu, timeline.Running, timeline.Completed)}, Azurite {Cpu(sampled, s => s.AzuriteCpu, timeline.Running, timeline.Completed)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  Azurite (in memory, holding the delivery and its shards) peak working set {(azurite is { } a ? MiB(a) : "?")} MiB"));
        return 0;
    }

    /// <summary>
    /// Finalize's steps, from the Last-Modified of what each one writes last, in the order Finalize writes them: the
    /// merge and the suite (agreement.json), the pairs report's commit, the facts' publishing (the newest fact file in
    /// <c>reports</c>), root causes (root-causes.json), and the rest until Completed. Whole seconds, like the partials'.
    /// </summary>
    private static async Task<string> FinalizeStepsAsync(TestPipeline pipeline, string runId, DateTimeOffset lastPartial, DateTimeOffset completed)
    {
        var reports = pipeline.Storage.Container(pipeline.Storage.Names.Reports);
        async Task<DateTimeOffset> ModifiedAsync(string report) =>
            (await reports.GetBlobClient(BlobReportStore.BlobName(runId, report)).GetPropertiesAsync()).Value.LastModified;

        var merged = await ModifiedAsync(BlobReportStore.Agreement);
        var committed = await ModifiedAsync(BlobReportStore.Pairs);
        var published = committed;
        await foreach (var fact in reports.GetBlobsAsync(BlobTraits.None, BlobStates.None, FactPaths.Root + "/", CancellationToken.None))
        {
            published = fact.Properties.LastModified is { } modified && modified > published ? modified : published;
        }

        var analysed = await ModifiedAsync(BlobReportStore.RootCauses);
        return string.Create(CultureInfo.InvariantCulture,
            $"  Finalize's steps: merge and suite {(merged - lastPartial).TotalSeconds:N0} s, pairs committed {(committed - merged).TotalSeconds:N0} s, " +
            $"facts published {(published - committed).TotalSeconds:N0} s, root causes {(analysed - published).TotalSeconds:N0} s, " +
            $"the rest until Completed {(completed - analysed).TotalSeconds:N0} s; whole seconds");
    }

    /// <summary>The shared Azurite's peak resident memory: it holds every blob in memory, so it grows with the delivery.</summary>
    private static long? AzuritePeak()
    {
        if (ChildProcesses.Find("azurite.js") is not { Count: 1 } found)
        {
            return null;
        }

        using var node = Process.GetProcessById(found.Single());
        return node.PeakWorkingSet64;
    }

    /// <summary>The process's resident memory every <see cref="SampleInterval"/> until cancelled or the process exits.</summary>
    private static async Task<List<Sample>> SampleAsync(Process process, Process? azurite, CancellationToken cancellationToken)
    {
        var samples = new List<Sample>();
        using var timer = new PeriodicTimer(SampleInterval);
        try
        {
            do
            {
                process.Refresh();
                if (process.HasExited)
                {
                    break;
                }

                azurite?.Refresh();
                samples.Add(new Sample(TimeProvider.System.GetUtcNow(), process.WorkingSet64, process.TotalProcessorTime, azurite?.TotalProcessorTime ?? TimeSpan.Zero));
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // The run ended: sampling stops with it.
        }

        return samples;
    }

    private static async Task<Run> WaitTerminalAsync(TableRunStore runs, string runId, HostProcess host)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            if (host.HasExited)
            {
                throw new InvalidOperationException($"The dev host exited during run {runId}:\n{host.Output}");
            }

            if (await runs.GetAsync(runId, CancellationToken.None) is { IsTerminal: true } run)
            {
                return run;
            }

            await Task.Delay(SampleInterval);
        }

        throw new TimeoutException($"Run {runId} did not end within {Patience}.");
    }

    /// <summary>The sample nearest to a moment.</summary>
    private static long At(List<Sample> samples, DateTimeOffset time) =>
        samples.MinBy(s => Math.Abs((s.Time - time).Ticks)).WorkingSet;

    private static long Max(List<Sample> samples, DateTimeOffset from, DateTimeOffset to) =>
        samples.Where(s => s.Time >= from && s.Time <= to).Select(s => s.WorkingSet).DefaultIfEmpty(0).Max();

    /// <summary>CPU seconds a process spent between two moments, from the samples nearest to them.</summary>
    private static string Cpu(List<Sample> samples, Func<Sample, TimeSpan> cpu, DateTimeOffset from, DateTimeOffset to) =>
        (cpu(samples.MinBy(s => Math.Abs((s.Time - to).Ticks))) - cpu(samples.MinBy(s => Math.Abs((s.Time - from).Ticks)))).TotalSeconds
            .ToString("N1", CultureInfo.InvariantCulture);

    private static string MiB(long bytes) => (bytes / (double)Mebibyte).ToString("N0", CultureInfo.InvariantCulture);

    private readonly record struct Sample(DateTimeOffset Time, long WorkingSet, TimeSpan HostCpu, TimeSpan AzuriteCpu);
}
