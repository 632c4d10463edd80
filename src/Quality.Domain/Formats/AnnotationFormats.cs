using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Coco;
using Quality.Domain.Formats.Csv;
using Quality.Domain.Formats.LabelStudio;
using Quality.Domain.Formats.NuScenes;

namespace Quality.Domain.Formats;

/// <summary>Every format the product reads, found by name or recognised from a file's first bytes.</summary>
public static class AnnotationFormats
{
    /// <summary>How much of a file detection looks at.</summary>
    public const int HeadBytes = 64 * 1024;

    /// <summary>In detection order: the most specific signatures first.</summary>
    public static readonly IReadOnlyList<AnnotationFormat> All =
    [
        new CanonicalFormatReader(),
        new RatingsCsvFormat(),
        new LabelStudioFormat(),
        new CocoFormat(),
        new CocoResultsFormat(),
        new NuScenesFormat(),
        new UnitsByCodersCsvFormat(),
    ];

    public static AnnotationFormat? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    /// <summary>The format <paramref name="head"/> is in.</summary>
    /// <exception cref="DeliveryFormatException">No format recognises it: says what it is instead (<see cref="FileSignatures"/>), else names the formats tried.</exception>
    public static AnnotationFormat Detect(ReadOnlySpan<byte> head, string file)
    {
        if (FileSignatures.Problem(head) is { } problem)
        {
            throw new DeliveryFormatException(file, 0, null, problem);
        }

        foreach (var format in All)
        {
            if (format.Recognises(head))
            {
                return format;
            }
        }

        throw new DeliveryFormatException(file, 0, "format",
            $"is in no format this product reads ({string.Join(", ", All.Select(f => f.Name))}); declare the format or fix the file");
    }

    /// <summary>Reads up to <see cref="HeadBytes"/> from the start of <paramref name="stream"/> for <see cref="Detect"/>.</summary>
    public static async Task<byte[]> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[HeadBytes];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return buffer[..filled];
    }
}
