using Quality.Domain.Annotations;

namespace Quality.Domain.Formats.Canonical;

/// <summary>The canonical JSON Lines format as one file among others: its header is read and checked, then skipped.</summary>
internal sealed class CanonicalFormatReader : AnnotationFormat
{
    private static readonly byte[] Signature = System.Text.Encoding.UTF8.GetBytes($"\"{CanonicalFormat.Name}\"");

    public override string Name => "canonical";

    public override string Description => "a canonical JSON Lines delivery";

    public override string Extension => ".jsonl";

    public override IReadOnlyList<string> DataTypes => ["frame-tags", "boxes-2d", "cuboids-3d"];

    public override bool Recognises(ReadOnlySpan<byte> head)
    {
        head = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        var firstLine = head.IndexOf((byte)'\n') is var end and >= 0 ? head[..end] : head;
        return firstLine.TrimStart(" \t\r"u8).StartsWith("{"u8) && firstLine.IndexOf(Signature) >= 0;
    }

    public override IAnnotationReader Open(Stream stream, FileRole file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new Reader(new CanonicalDeliveryReader(stream, file.File));
    }

    private sealed class Reader(CanonicalDeliveryReader reader) : IAnnotationReader
    {
        private bool _headerRead;

        public async ValueTask<Annotation?> ReadAsync(CancellationToken cancellationToken)
        {
            if (!_headerRead)
            {
                await reader.ReadHeaderAsync(cancellationToken);
                _headerRead = true;
            }

            return await reader.ReadAnnotationAsync(cancellationToken);
        }

        public void Dispose() => reader.Dispose();
    }
}
