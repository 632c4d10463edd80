namespace Quality.Domain.Formats;

/// <summary>A file format the product reads: how to recognise it from its first bytes, and how to read it.</summary>
public abstract class AnnotationFormat
{
    /// <summary>The name a manifest's <c>format</c> or <c>quality audit --format</c> declares it by.</summary>
    public abstract string Name { get; }

    /// <summary>The format as a sentence names it: "a Label Studio JSON export".</summary>
    public abstract string Description { get; }

    /// <summary>The canonical data types a file of this format can hold, for a header written for it (a generated manifest).</summary>
    public virtual IReadOnlyList<string> DataTypes => ["boxes-2d"];

    /// <summary>Whether the file says who made each annotation; else the delivery must declare it (or role gold).</summary>
    public virtual bool NamesAnnotators => true;

    /// <summary>Whether its reader takes class names from the files read before it (<see cref="FileRole.LabelNames"/>).</summary>
    public virtual bool ReadsLabelNames => false;

    /// <summary>The extension a file of this format is saved with.</summary>
    public virtual string Extension => ".json";

    /// <summary>Whether a file starting with <paramref name="head"/> (up to <see cref="AnnotationFormats.HeadBytes"/>) is in this format.</summary>
    public abstract bool Recognises(ReadOnlySpan<byte> head);

    /// <summary>Opens a reader; the stream is read once, forwards. The caller disposes the stream after the reader.</summary>
    public abstract IAnnotationReader Open(Stream stream, FileRole file);
}
