using System.Text;
using Quality.Domain.Formats.Canonical;
using Quality.Pipeline.Activities;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Activities;

/// <summary>Shard writes left in flight while the delivery is read on: the same shards, byte for byte, and never two writes at once on one shard.</summary>
public sealed class ShardWriterTests
{
    [Fact]
    public async Task Write_StreamsThatCompleteLater_SameBytesAsStreamsThatCompleteAtOnce()
    {
        // ~1.4 MB of canonical lines into 4 shards: each shard flushes 64 KiB blocks several times.
        var delivery = Encoding.UTF8.GetBytes(DeliveryGenerator.Generate(items: 6000, seed: 5));
        var atOnce = Enumerable.Range(0, 4).Select(_ => new MemoryStream()).ToArray();
        var later = Enumerable.Range(0, 4).Select(_ => new SlowStream()).ToArray();

        var written = await WriteAsync(delivery, atOnce);
        var writtenLater = await WriteAsync(delivery, later);

        Assert.Equal(written, writtenLater);
        Assert.Equal(atOnce.Select(s => s.ToArray()), later.Select(s => s.Content.ToArray()));
        // Every annotation line of the delivery (all but the header) is in one shard, and one shard holds several blocks.
        Assert.Equal(Encoding.UTF8.GetString(delivery).Count(c => c == '\n') - 1, atOnce.Sum(s => s.ToArray().Count(b => b == (byte)'\n')));
        Assert.All(later, s => Assert.True(s.Writes > 2, $"{s.Writes} writes"));
        // Writes overlapped across shards, never within one.
        Assert.True(SlowStream.MostAtOnce > 1, $"{SlowStream.MostAtOnce} writes at once");
        Assert.All(later, s => Assert.Equal(1, s.MostOnThisStream));
    }

    private static async Task<long> WriteAsync(byte[] delivery, IReadOnlyList<Stream> shards)
    {
        using var reader = new CanonicalDeliveryReader(new MemoryStream(delivery), "d.jsonl");
        await reader.ReadHeaderAsync(CancellationToken.None);
        return await ShardWriter.WriteAsync(reader, shards, CancellationToken.None);
    }

    /// <summary>A stream whose writes complete a little later, as an upload does, counting how many are in flight.</summary>
    private sealed class SlowStream : MemoryStream
    {
        private static int s_inFlight;
        private int _inFlightHere;

        public static int MostAtOnce { get; private set; }

        public int MostOnThisStream { get; private set; }

        public int Writes { get; private set; }

        public MemoryStream Content { get; } = new();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes++;
            MostOnThisStream = Math.Max(MostOnThisStream, Interlocked.Increment(ref _inFlightHere));
            MostAtOnce = Math.Max(MostAtOnce, Interlocked.Increment(ref s_inFlight));
            await Task.Delay(5, cancellationToken);
            Content.Write(buffer.Span);
            Interlocked.Decrement(ref s_inFlight);
            Interlocked.Decrement(ref _inFlightHere);
        }
    }
}
