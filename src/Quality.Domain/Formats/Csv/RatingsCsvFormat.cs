namespace Quality.Domain.Formats.Csv;

/// <summary>The <c>item,annotator,field,value</c> ratings table (<see cref="RatingsCsvReader"/>).</summary>
internal sealed class RatingsCsvFormat : AnnotationFormat
{
    public override string Name => "csv";

    public override bool Recognises(ReadOnlySpan<byte> head) =>
        head.StartsWith(System.Text.Encoding.UTF8.GetBytes(string.Join(',', RatingsCsvReader.Columns)));

    public override IAnnotationReader Open(Stream stream, FileRole file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new RatingsCsvReader(stream, file.File);
    }
}
