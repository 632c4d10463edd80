namespace Quality.Domain.Formats;

/// <summary>A file format the product reads: how to recognise it from its first bytes, and how to read it.</summary>
public abstract class AnnotationFormat
{
    /// <summary>The name a manifest's <c>format</c> or <c>quality audit --format</c> declares it by.</summary>
    public abstract string Name { get; }

    /// <summary>Whether a file starting with <paramref name="head"/> (up to <see cref="AnnotationFormats.HeadBytes"/>) is in this format.</summary>
    public abstract bool Recognises(ReadOnlySpan<byte> head);

    /// <summary>Opens a reader; the stream is read once, forwards. The caller disposes the stream after the reader.</summary>
    public abstract IAnnotationReader Open(Stream stream, FileRole file);
}
