using System.Text.Unicode;
using Quality.Domain.Formats.Json;

namespace Quality.Domain.Formats.Csv;

/// <summary>
/// The units × coders table (<see cref="UnitsByCodersCsvReader"/>): recognised by a first line of text with at least two
/// comma- or tab-separated names that is no JSON or XML. Tried last, since the signature is the weakest. A table
/// separated by ';' (as Excel saves in many locales) is recognised too, so that its reader says how to save it.
/// </summary>
internal sealed class UnitsByCodersCsvFormat : AnnotationFormat
{
    public override string Name => "csv-wide";

    public override string Description => "a units × coders CSV table";

    public override string Extension => ".csv";

    public override IReadOnlyList<string> DataTypes => ["frame-tags"];

    public override bool Recognises(ReadOnlySpan<byte> head)
    {
        head = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        if (JsonHead.Root(head) is (byte)'{' or (byte)'[' or (byte)'<' or 0)
        {
            return false;
        }

        var end = head.IndexOf((byte)'\n');
        var line = (end >= 0 ? head[..end] : head).TrimEnd((byte)'\r');
        if (!Utf8.IsValid(line) || line.ContainsAnyInRange((byte)0, (byte)8) || line.ContainsAnyInRange((byte)10, (byte)31))
        {
            return false;
        }

        return line.IndexOfAny(",\t;"u8) >= 0;
    }

    public override IAnnotationReader Open(Stream stream, FileRole file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new UnitsByCodersCsvReader(stream, file.File, file.Field, file.Role ?? Annotations.AnnotatorRole.Annotator);
    }
}
