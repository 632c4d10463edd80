using System.Diagnostics;
using System.Globalization;
using Quality.Benchmarks.Audit;
using Quality.Domain.Formats;

namespace Quality.Benchmarks.Formats;

/// <summary>
/// The nuScenes reader alone (<c>nuscenes-read [frames] [runs]</c>): every file of the seeded gold delivery
/// <see cref="GoldAuditEndToEnd"/> audits, read to annotations from the page cache and dropped, several runs; prints
/// the median MB/s and the CPU seconds of each run beside the machine's load, since the host is shared.
/// </summary>
internal static class NuScenesReadThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var frames = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var folder = Path.Combine(Path.GetTempPath(), $"quality-e2e-gold-{frames}x3");
        NuScenesGoldDelivery.Write(folder, frames, annotators: 3, seed: 20);
        var files = Directory.GetFiles(folder, "*.json").Where(f => Path.GetFileName(f) != "manifest.json").Order(StringComparer.Ordinal).ToArray();
        var bytes = files.Sum(f => new FileInfo(f).Length);
        var format = AnnotationFormats.Find("nuscenes")!;
        var rates = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var (clock, cpu, boxes) = (Stopwatch.StartNew(), Process.GetCurrentProcess().TotalProcessorTime, 0L);
            foreach (var file in files)
            {
                using var reader = format.Open(File.OpenRead(file), new FileRole(Path.GetFileName(file), Annotator: Path.GetFileNameWithoutExtension(file)));
                while (await reader.ReadAsync(CancellationToken.None) is not null)
                {
                    boxes++;
                }
            }

            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            rates.Add(bytes / 1e6 / seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  run {run + 1}: {boxes:N0} boxes, {bytes / 1e6:N1} MB in {seconds:0.00} s ({cpuSeconds:0.00} CPU-s), {bytes / 1e6 / seconds:N1} MB/s; load average {GoldAuditEndToEnd.LoadAverage()}"));
        }

        rates.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"nuScenes reader, {frames:N0} frames × gold + 3 annotators: median {rates[rates.Count / 2]:N1} MB/s over {runs} runs"));
        return 0;
    }
}
