using System.Buffers;
using Quality.Domain.Annotations;
using Quality.Domain.Formats.Canonical;

namespace Quality.Pipeline.Activities;

/// <summary>
/// The heart of ingest: every annotation, as a normalised canonical line, into the shard its item hashes to, so all
/// annotations of an item meet in one compute. Lines are collected per shard and written in 64 KiB blocks
/// asynchronously (no synchronous I/O on the pool), each shard's write left in flight while the delivery is read on:
/// a shard's stream compresses and uploads (<see cref="Storage.BlobWorkStore.OpenShardForWriteAsync"/>) while the next
/// lines are validated, instead of the read waiting for every upload. One write per shard is in flight at a time, so a
/// shard's bytes keep their order. The ingest benchmark runs this same code against null streams.
/// </summary>
public static class ShardWriter
{
    /// <summary>Shard lines are collected in memory up to this size, then written; memory is shards × four times this (one buffer filling, one in flight).</summary>
    public const int FlushBytes = 64 * 1024;

    /// <returns>How many annotations were written.</returns>
    public static async Task<long> WriteAsync(
        Func<CancellationToken, ValueTask<Annotation?>> next, IReadOnlyList<Stream> shards, CancellationToken cancellationToken,
        Action<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(next);
        var writer = new Writer(shards, progress);
        try
        {
            while (await next(cancellationToken) is { } annotation)
            {
                var shard = ShardAssignment.ShardOf(annotation.Item, shards.Count);
                CanonicalWriter.WriteAnnotation(writer.BufferOf(shard), annotation, withSourceLine: true);
                await writer.WrittenAsync(shard, cancellationToken);
            }

            return await writer.CompleteAsync(cancellationToken);
        }
        finally
        {
            await writer.SettleAsync();
        }
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
        try
        {
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
        finally
        {
            await writer.SettleAsync();
        }
    }

    /// <summary>
    /// The shards' buffers: each flushed to its stream once it holds <see cref="FlushBytes"/>, without waiting for the
    /// write; the shard's next flush waits for it, and its buffer is filled again meanwhile.
    /// </summary>
    private sealed class Writer
    {
        private readonly IReadOnlyList<Stream> _shards;
        private readonly ArrayBufferWriter<byte>[] _buffers;

        /// <summary>Per shard, the buffer its write in flight is reading (empty when none is).</summary>
        private readonly ArrayBufferWriter<byte>[] _writing;

        private readonly Task[] _inFlight;
        private readonly Action<long>? _progress;
        private long _annotations;

        public Writer(IReadOnlyList<Stream> shards, Action<long>? progress)
        {
            ArgumentNullException.ThrowIfNull(shards);
            _shards = shards;
            _buffers = shards.Select(_ => new ArrayBufferWriter<byte>(FlushBytes * 2)).ToArray();
            _writing = shards.Select(_ => new ArrayBufferWriter<byte>(FlushBytes * 2)).ToArray();
            _inFlight = shards.Select(_ => Task.CompletedTask).ToArray();
            _progress = progress;
        }

        public ArrayBufferWriter<byte> BufferOf(int shard) => _buffers[shard];

        /// <summary>After an annotation was written into the buffer of <paramref name="shard"/>; completes at once unless the shard's previous write is still in flight.</summary>
        public ValueTask WrittenAsync(int shard, CancellationToken cancellationToken)
        {
            if (++_annotations % 65_536 == 0)
            {
                _progress?.Invoke(_annotations);
            }

            if (_buffers[shard].WrittenCount < FlushBytes)
            {
                return ValueTask.CompletedTask;
            }

            if (!_inFlight[shard].IsCompletedSuccessfully)
            {
                return FlushAfterAsync(shard, cancellationToken);
            }

            StartWrite(shard, cancellationToken);
            return ValueTask.CompletedTask;
        }

        public async Task<long> CompleteAsync(CancellationToken cancellationToken)
        {
            for (var k = 0; k < _shards.Count; k++)
            {
                await _inFlight[k];
                StartWrite(k, cancellationToken);
            }

            await Task.WhenAll(_inFlight);
            return _annotations;
        }

        /// <summary>Waits for the writes still in flight, whatever their outcome, so that the caller may dispose the streams.</summary>
        public async Task SettleAsync() =>
            await Task.WhenAll(_inFlight).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        private async ValueTask FlushAfterAsync(int shard, CancellationToken cancellationToken)
        {
            await _inFlight[shard];
            StartWrite(shard, cancellationToken);
        }

        /// <summary>Starts writing the shard's buffer (its previous write has completed) and swaps in the emptied one to fill.</summary>
        private void StartWrite(int shard, CancellationToken cancellationToken)
        {
            var full = _buffers[shard];
            (_buffers[shard], _writing[shard]) = (_writing[shard], full);
            _buffers[shard].ResetWrittenCount();
            _inFlight[shard] = _shards[shard].WriteAsync(full.WrittenMemory, cancellationToken).AsTask();
        }
    }
}
