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

    /// <param name="lineOf">
    /// The delivered canonical line an annotation was parsed from, while it is valid (<see cref="CanonicalDeliveryReader.LineOf"/>),
    /// or null: such an annotation's line is passed through with its source added (<see cref="CanonicalWriter.WriteParsedLine"/>),
    /// any other is written anew. Without it every annotation is written anew.
    /// </param>
    /// <returns>How many annotations were written.</returns>
    public static async Task<long> WriteAsync(
        Func<CancellationToken, ValueTask<Annotation?>> next, IReadOnlyList<Stream> shards, CancellationToken cancellationToken,
        Action<long>? progress = null, Func<Annotation, ReadOnlyMemory<byte>?>? lineOf = null)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(shards);
        var buffers = shards.Select(_ => new ArrayBufferWriter<byte>(FlushBytes * 2)).ToArray();
        var annotations = 0L;
        while (await next(cancellationToken) is { } annotation)
        {
            var k = ShardAssignment.ShardOf(annotation.Item, shards.Count);
            if (lineOf?.Invoke(annotation) is { } line)
            {
                CanonicalWriter.WriteParsedLine(buffers[k], annotation, line.Span);
            }
            else
            {
                CanonicalWriter.WriteAnnotation(buffers[k], annotation, withSourceLine: true);
            }
            if (buffers[k].WrittenCount >= FlushBytes)
            {
                await FlushAsync(buffers[k], shards[k], cancellationToken);
            }

            if (++annotations % 65_536 == 0)
            {
                progress?.Invoke(annotations);
            }
        }

        for (var k = 0; k < shards.Count; k++)
        {
            await FlushAsync(buffers[k], shards[k], cancellationToken);
        }

        return annotations;
    }

    private static async Task FlushAsync(ArrayBufferWriter<byte> buffer, Stream output, CancellationToken cancellationToken)
    {
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
        buffer.ResetWrittenCount();
    }
}
