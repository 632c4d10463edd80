using BenchmarkDotNet.Running;
using Quality.Benchmarks.Agreement;
using Quality.Benchmarks.Audit;
using Quality.Benchmarks.Formats;
using Quality.Benchmarks.Pipeline;
using Quality.Benchmarks.Sampling;

// Micro benchmarks run through BenchmarkDotNet; macro benchmarks (real host processes on Azurite) print their own figures.
return args.FirstOrDefault() switch
{
    "latency" => await MacroAsync(() => PipelineBenchmarks.LatencyAsync(runs: 10, maxPause: TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1))),
    "hosts" => await MacroAsync(() => PipelineBenchmarks.HostsAsync(deliveries: 20, repeats: 3, settle: !args.Contains("--unsettled"))),
    "e2e-alpha" => AlphaEndToEnd.Run(args),
    "e2e-alpha-phases" => await AlphaPhases.RunAsync(args),
    "ingest" => await IngestThroughput.RunAsync(args),
    "memory" => await MacroAsync(() => DevHostMemory.RunAsync(args)),
    "compute-shards" => await ComputeShards.RunAsync(args),
    "work-codecs" => await WorkCodecs.RunAsync(args),
    "ingest-storage" => await MacroAsync(() => IngestStorage.RunAsync(args)),
    "spatial" => SpatialAuditThroughput.Run(frames: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000),
    "e2e-gold" => GoldAuditEndToEnd.Run(args),
    "e2e-gold-phases" => await GoldAuditPhases.RunAsync(args),
    "nuscenes-read" => await NuScenesReadThroughput.RunAsync(args),
    "finalize-history" => await MacroAsync(FinalizeHistory.RunAsync),
    "requests" => await MacroAsync(() => StorageRequests.RunAsync(args)),
    "scale-sim" => ScaleSimulation.Run(args),
    "facts" => await Quality.Benchmarks.Facts.FactsWriteThroughput.RunAsync(frames: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000),
    "finalize-sample" => FinalizeSampleMemory.Run(args),
    "frame-memory" => FrameFootprint.Run(units: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args);
    return 0;
}

// An unhandled exception ends the process without ProcessExit, which is what stops the shared Azurite: it would be
// left running, holding every blob in memory. A failed macro benchmark prints its error and exits normally instead.
static async Task<int> MacroAsync(Func<Task<int>> benchmark)
{
    try
    {
        return await benchmark();
    }
    catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or Azure.RequestFailedException)
    {
        Console.Error.WriteLine(ex);
        return 1;
    }
}
