namespace Quality.Domain.Formats.Csv;

/// <summary>The <c>item,annotator,field,value</c> ratings table, comma- or tab-separated (<see cref="RatingsCsvReader"/>).</summary>
internal sealed class RatingsCsvFormat : AnnotationFormat
{
    public override string Name => "csv";

    public override string Description => "an item,annotator,field,value ratings table";

    public override string Extension => ".csv";

    public override IReadOnlyList<string> DataTypes => ["frame-tags"];

    public override bool Recognises(ReadOnlySpan<byte> head)
    {
        head = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        foreach (var header in RatingsCsvReader.Headers)
        {
            if (head.StartsWith(System.Text.Encoding.UTF8.GetBytes(header)))
            {
                return true;
            }
        }

        return false;
    }

    public override IAnnotationReader Open(Stream stream, FileRole file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new RatingsCsvReader(stream, file.File, file.Role ?? Annotations.AnnotatorRole.Annotator);
    }
}
