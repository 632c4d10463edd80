using Quality.Domain.Annotations;

namespace Quality.Domain.Formats.Canonical;

/// <summary>
/// A valid annotation line of a canonical delivery, as ingest writes it into a shard
/// (<see cref="CanonicalDeliveryReader.ReadValidatedLineAsync"/>): the delivered bytes, valid until the reader's next
/// read, and either where its item is in them or, for a line only the parser could decide, the annotation it read.
/// </summary>
public readonly struct ValidatedLine
{
    private readonly Range _item;

    internal ValidatedLine(ReadOnlyMemory<byte> json, long line, Range item, Annotation? annotation)
    {
        Json = json;
        Line = line;
        _item = item;
        Annotation = annotation;
    }

    /// <summary>The line as delivered, without its line end.</summary>
    public ReadOnlyMemory<byte> Json { get; }

    /// <summary>Its 1-based line number in the delivery.</summary>
    public long Line { get; }

    /// <summary>The annotation the parser read, or null when the line was validated on its bytes.</summary>
    public Annotation? Annotation { get; }

    /// <summary>The item id's UTF-8 bytes, when <see cref="Annotation"/> is null (printable ASCII, as delivered).</summary>
    public ReadOnlySpan<byte> Item => Json.Span[_item];
}
