using BenchmarkDotNet.Running;
using Quality.Benchmarks.Audit;
using Quality.Benchmarks.Pipeline;
using Quality.Benchmarks.Sampling;

// Micro benchmarks run through BenchmarkDotNet; macro benchmarks (real host processes on Azurite) print their own figures.
return args.FirstOrDefault() switch
{
    "latency" => await PipelineBenchmarks.LatencyAsync(runs: 10, maxPause: TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1)),
    "hosts" => await PipelineBenchmarks.HostsAsync(deliveries: 20, repeats: 3, settle: !args.Contains("--unsettled")),
    "ingest" => await IngestThroughput.RunAsync(args),
    "memory" => await DevHostMemory.RunAsync(args),
    "spatial" => SpatialAuditThroughput.Run(frames: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000),
    "frame-memory" => FrameFootprint.Run(units: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args);
    return 0;
}
