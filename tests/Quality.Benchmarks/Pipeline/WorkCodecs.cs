using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Quality.Pipeline;
using Quality.Pipeline.Activities;
using Quality.Pipeline.Storage;

namespace Quality.Benchmarks.Pipeline;

/// <summary>
/// Which codec for the work blobs: the seeded delivery of the given size sharded by ingest's <see cref="ShardWriter"/>
/// into memory, then every shard compressed and decompressed by each candidate from System.IO.Compression on one
/// thread, written in the 64 KiB pieces ingest flushes; prints the ratio and MB of shard (uncompressed) per CPU-second
/// each way, 3 runs, medians. The codec ingest's shards use is the first line (a gzip member per flush,
/// Storage/GzipMemberWriteStream), the one Compute's blobs use the second (Storage/WorkCompression: gzip, Fastest).
/// </summary>
internal static class WorkCodecs
{
    private const int Runs = 3;

    private static readonly (string Name, Func<Stream, Stream> Compress, Func<Stream, Stream> Decompress)[] Codecs =
    [
        ("gzip, Fastest, a member per 64 KiB flush", s => new GzipMemberWriteStream(s, leaveOpen: true), s => new GZipStream(s, CompressionMode.Decompress)),
        ("gzip, Fastest (zlib-ng level 1)", s => new GZipStream(s, CompressionLevel.Fastest, leaveOpen: true), s => new GZipStream(s, CompressionMode.Decompress)),
        ("zlib, Fastest", s => new ZLibStream(s, CompressionLevel.Fastest, leaveOpen: true), s => new ZLibStream(s, CompressionMode.Decompress)),
        ("gzip, Optimal (level 6)", s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true), s => new GZipStream(s, CompressionMode.Decompress)),
        ("brotli, quality 1", s => new BrotliStream(s, new BrotliCompressionOptions { Quality = 1 }, leaveOpen: true), s => new BrotliStream(s, CompressionMode.Decompress)),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var megabytes = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var options = new PipelineOptions();
        var bytes = megabytes * 1_000_000;
        var shards = await ComputeShards.ShardAsync(bytes, ShardAssignment.ShardCount(bytes, options.ShardTargetBytes, options.MaxShards));
        var total = shards.Sum(s => (long)s.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"work codecs on {shards.Length} shards, {total / 1e6:N1} MB of normalised JSON Lines, one thread, {Runs} runs; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        // Warm-up: the first codec measured would otherwise pay for loading and compiling the compression code (0.44 CPU-s against 0.15).
        foreach (var (_, compress, decompress) in Codecs)
        {
            RoundTrip(shards[0], compress, decompress);
        }

        foreach (var (name, compress, decompress) in Codecs)
        {
            var (packing, unpacking) = (new List<double>(), new List<double>());
            long stored = 0;
            for (var run = 0; run < Runs; run++)
            {
                var compressed = new List<MemoryStream>();
                packing.Add(CpuSeconds(() =>
                {
                    foreach (var shard in shards)
                    {
                        var output = new MemoryStream();
                        using (var codec = compress(output))
                        {
                            for (var start = 0; start < shard.Length; start += ShardWriter.FlushBytes)
                            {
                                codec.Write(shard.AsSpan(start, Math.Min(ShardWriter.FlushBytes, shard.Length - start)));
                            }
                        }

                        compressed.Add(output);
                    }
                }));
                stored = compressed.Sum(c => c.Length);
                var buffer = new byte[64 * 1024];
                unpacking.Add(CpuSeconds(() =>
                {
                    foreach (var output in compressed)
                    {
                        output.Position = 0;
                        using var codec = decompress(output);
                        while (codec.Read(buffer) > 0)
                        {
                        }
                    }
                }));
            }

            var (pack, unpack) = (packing.Order().ElementAt(Runs / 2), unpacking.Order().ElementAt(Runs / 2));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name}: {stored / 1e6:N1} MB stored ({total / (double)stored:N2}:1); compress {total / 1e6 / pack:N0} MB per CPU-s ({pack:N2} CPU-s), " +
                $"decompress {total / 1e6 / unpack:N0} MB per CPU-s ({unpack:N2} CPU-s)"));
        }

        return 0;
    }

    private static void RoundTrip(byte[] shard, Func<Stream, Stream> compress, Func<Stream, Stream> decompress)
    {
        var output = new MemoryStream();
        using (var codec = compress(output))
        {
            codec.Write(shard);
        }

        output.Position = 0;
        using var back = decompress(output);
        back.CopyTo(Stream.Null);
    }

    private static double CpuSeconds(Action action)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        action();
        process.Refresh();
        return (process.TotalProcessorTime - cpu).TotalSeconds;
    }
}
