using System.Buffers;
using Quality.Domain.Annotations;
using Quality.Domain.Formats.Canonical;

namespace Quality.Pipeline.Activities;

/// <summary>
/// The heart of ingest: every annotation, as a normalised canonical line, into the shard its item hashes to, so all
/// annotations of an item meet in one compute. Lines are collected per shard and written in 64 KiB blocks
/// asynchronously (no synchronous I/O on the pool). The ingest benchmark runs this same code against null streams.
/// </summary>
public static class ShardWriter
{
    /// <summary>Shard lines are collected in memory up to this size, then written; memory is shards × twice this.</summary>
    public const int FlushBytes = 64 * 1024;

    /// <returns>How many annotations were written.</returns>
    public static async Task<long> WriteAsync(
        Func<CancellationToken, ValueTask<Annotation?>> next, IReadOnlyList<Stream> shards, CancellationToken cancellationToken,
        Action<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(next);
        var writer = new Writer(shards, progress);
        while (await next(cancellationToken) is { } annotation)
        {
            var shard = ShardAssignment.ShardOf(annotation.Item, shards.Count);
            CanonicalWriter.WriteAnnotation(writer.BufferOf(shard), annotation, withSourceLine: true);
            await writer.WrittenAsync(shard, cancellationToken);
        }

        return await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// A canonical delivery's lines, validated by <paramref name="delivery"/> and passed through with their source line
    /// added (<see cref="CanonicalWriter.WriteValidatedLine"/>) instead of being written anew from annotations.
    /// </summary>
    /// <returns>How many annotations were written.</returns>
    public static async Task<long> WriteAsync(
        CanonicalDeliveryReader delivery, IReadOnlyList<Stream> shards, CancellationToken cancellationToken, Action<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var writer = new Writer(shards, progress);
        while (await delivery.ReadValidatedLineAsync(cancellationToken) is { } line)
        {
            var shard = line.Annotation is { } annotation
                ? ShardAssignment.ShardOf(annotation.Item, shards.Count)
                : ShardAssignment.ShardOf(line.Item, shards.Count);
            CanonicalWriter.WriteValidatedLine(writer.BufferOf(shard), line);
            await writer.WrittenAsync(shard, cancellationToken);
        }

        return await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>The shards' buffers: each flushed to its stream once it holds <see cref="FlushBytes"/>.</summary>
    private sealed class Writer
    {
        private readonly IReadOnlyList<Stream> _shards;
        private readonly ArrayBufferWriter<byte>[] _buffers;
        private readonly Action<long>? _progress;
        private long _annotations;

        public Writer(IReadOnlyList<Stream> shards, Action<long>? progress)
        {
            ArgumentNullException.ThrowIfNull(shards);
            _shards = shards;
            _buffers = shards.Select(_ => new ArrayBufferWriter<byte>(FlushBytes * 2)).ToArray();
            _progress = progress;
        }

        public ArrayBufferWriter<byte> BufferOf(int shard) => _buffers[shard];

        /// <summary>After an annotation was written into the buffer of <paramref name="shard"/>; completes at once unless it flushes.</summary>
        public ValueTask WrittenAsync(int shard, CancellationToken cancellationToken)
        {
            if (++_annotations % 65_536 == 0)
            {
                _progress?.Invoke(_annotations);
            }

            return _buffers[shard].WrittenCount >= FlushBytes
                ? new ValueTask(FlushAsync(_buffers[shard], _shards[shard], cancellationToken))
                : ValueTask.CompletedTask;
        }

        public async Task<long> CompleteAsync(CancellationToken cancellationToken)
        {
            for (var k = 0; k < _shards.Count; k++)
            {
                await FlushAsync(_buffers[k], _shards[k], cancellationToken);
            }

            return _annotations;
        }
    }

    private static async Task FlushAsync(ArrayBufferWriter<byte> buffer, Stream output, CancellationToken cancellationToken)
    {
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
        buffer.ResetWrittenCount();
    }
}
