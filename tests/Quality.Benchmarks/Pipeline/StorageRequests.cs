using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Quality.Tests.Shared;

namespace Quality.Benchmarks.Pipeline;

/// <summary>
/// Issue 20 goal 5's counts (<c>requests [deliveries]</c>): every storage request one 1,000-item delivery costs, from
/// upload to Completed on a dev host process, counted where they are served — Azurite's debug log, one entry per
/// request, whoever sent it (the pipeline's clients, the Durable Task engine's, the blob watcher's). The host's idle
/// polling is measured first over a quiet spell and subtracted per second of each delivery, so what is printed is
/// what a delivery adds. Prints the median per delivery by service (blob, queue, table) and by resource, and the
/// single-host throughput the medians were taken at (docs/scale.md).
/// </summary>
internal static partial class StorageRequests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var deliveries = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var log = Path.Combine(Path.GetTempPath(), $"quality-azurite-requests-{Environment.ProcessId}.log");
        SharedAzurite.DebugLog = log;
        await using var pipeline = await TestPipeline.StartAsync();
        var settings = DevHostDefaults.Settings(pipeline.ConnectionString, pipeline.Prefix);
        await using var host = HostProcess.Start(settings, "requests-host");
        await Deliver(pipeline, host, "warm-up", seed: 999);

        var quietStart = Offset(log);
        await Task.Delay(Quiet);
        var idle = Count(log, quietStart, Offset(log), pipeline.Prefix);
        var idlePerSecond = idle.ToDictionary(c => c.Key, c => c.Value / Quiet.TotalSeconds);

        var perDelivery = new List<Dictionary<(string Service, string Resource), double>>();
        var seconds = new List<double>();
        for (var i = 0; i < deliveries; i++)
        {
            var start = Offset(log);
            var clock = Stopwatch.StartNew();
            var own = await Deliver(pipeline, host, "requests-" + i.ToString(CultureInfo.InvariantCulture), seed: i);
            var elapsed = clock.Elapsed.TotalSeconds;
            await Task.Delay(500); // the log is written asynchronously
            var counted = Count(log, start, Offset(log), pipeline.Prefix);
            seconds.Add(elapsed);
            // The run-id lookup (a HEAD of the delivery) and the polls of the run (GETs of the runs table) are this benchmark's.
            counted[("blob", "HEAD -incoming")] = counted.GetValueOrDefault(("blob", "HEAD -incoming")) - 1;
            counted[("table", "GET truns")] = counted.GetValueOrDefault(("table", "GET truns")) - (own - 1);
            perDelivery.Add(counted.Keys.Union(idlePerSecond.Keys)
                .ToDictionary(k => k, k => Math.Max(0, counted.GetValueOrDefault(k) - (idlePerSecond.GetValueOrDefault(k) * (elapsed + 0.5)))));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"storage requests per 1,000-item delivery (upload → Completed, one dev host, {deliveries} deliveries, idle polling subtracted; load average {Audit.GoldAuditEndToEnd.LoadAverage()})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  idle host: {idle.Values.Sum() / Quiet.TotalSeconds:0.0} requests/s ({string.Join(", ", idle.GroupBy(c => c.Key.Service).Select(g => $"{g.Key} {g.Sum(c => c.Value) / Quiet.TotalSeconds:0.0}"))})"));
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            var totals = perDelivery.Select(d => d.Where(c => c.Key.Service == service).Sum(c => c.Value)).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {service}: median {PipelineBenchmarks.Median(totals):0} per delivery"));
            foreach (var resource in perDelivery.SelectMany(d => d.Keys).Where(k => k.Service == service).Select(k => k.Resource).Distinct().Order(StringComparer.Ordinal))
            {
                var median = PipelineBenchmarks.Median([.. perDelivery.Select(d => d.GetValueOrDefault((service, resource)))]);
                if (median >= 0.5)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {resource}: {median:0}"));
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  all: median {PipelineBenchmarks.Median([.. perDelivery.Select(d => d.Values.Sum())]):0} requests per delivery; upload → Completed median {PipelineBenchmarks.Median(seconds):0.00} s one at a time"));
        return 0;
    }

    /// <summary>Uploads a delivery and waits for it; returns the requests this benchmark itself made besides the upload (run-id lookup, polls).</summary>
    private static async Task<int> Deliver(TestPipeline pipeline, HostProcess host, string name, int seed)
    {
        var blob = await PipelineBenchmarks.UploadAsync(pipeline, name, DeliveryGenerator.Generate(items: 1000, seed: seed, deliveryId: name));
        var runId = await PipelineBenchmarks.RunIdAsync(pipeline, blob);
        var runs = pipeline.Get<Quality.Pipeline.Storage.TableRunStore>();
        var polls = 0;
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromMinutes(5); polls++)
        {
            if (await runs.GetAsync(runId, CancellationToken.None) is { IsTerminal: true } run)
            {
                return run.Status == Quality.Pipeline.Runs.RunStatus.Completed ? polls + 2
                    : throw new InvalidOperationException($"Run {runId} ended {run.Status}: {run.Reason}");
            }

            await Task.Delay(100);
        }

        await PipelineBenchmarks.WaitCompletedAsync(pipeline, runId, [host]); // says why it is stuck
        return polls + 2;
    }

    private static long Offset(string log) => File.Exists(log) ? new FileInfo(log).Length : 0;

    /// <summary>Requests logged between two offsets, by service and resource (container, queue or table, the test prefix dropped).</summary>
    private static Dictionary<(string Service, string Resource), double> Count(string log, long from, long to, string prefix)
    {
        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(from, SeekOrigin.Begin);
        var buffer = new byte[to - from];
        stream.ReadExactly(buffer);
        var counts = new Dictionary<(string, string), double>();
        foreach (Match match in Request().Matches(System.Text.Encoding.UTF8.GetString(buffer)))
        {
            var service = match.Groups["service"].Value.ToLowerInvariant();
            var path = new Uri(match.Groups["url"].Value).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var resource = path.Length > 1 ? path[1] : "(account)";
            resource = Regex.Replace(resource.Replace(prefix, "", StringComparison.OrdinalIgnoreCase), @"\(.*$", "");
            resource = Regex.Replace(resource, @"-\d{2}$", "-NN"); // control-00…03: one line for the partitions
            var key = (service, $"{match.Groups["method"].Value} {resource}");
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    [GeneratedRegex(@"(?<service>Blob|Queue|Table)StorageContextMiddleware: RequestMethod=(?<method>\w+) RequestURL=(?<url>\S+)")]
    private static partial Regex Request();
}
