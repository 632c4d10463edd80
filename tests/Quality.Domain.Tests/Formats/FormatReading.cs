using System.Text;
using Quality.Domain.Annotations;
using Quality.Domain.Formats;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Formats;

/// <summary>Reads a whole file through a registered format, for tests.</summary>
internal static class FormatReading
{
    /// <summary>A vendored file under <c>shared/data</c> (see its SOURCE.md).</summary>
    public static string SharedData(string folder, string file) => Path.Combine(Repository.Shared, "data", folder, file);

    public static async Task<List<Annotation>> ReadAllAsync(string format, Stream stream, FileRole file, CancellationToken cancellationToken = default)
    {
        using var reader = (AnnotationFormats.Find(format) ?? throw new ArgumentException($"no format {format}", nameof(format))).Open(stream, file);
        var annotations = new List<Annotation>();
        while (await reader.ReadAsync(cancellationToken) is { } annotation)
        {
            annotations.Add(annotation);
        }

        return annotations;
    }

    public static Task<List<Annotation>> ReadFileAsync(string format, string path, FileRole? file = null) =>
        ReadAllAsync(format, File.OpenRead(path), file ?? new FileRole(Path.GetFileName(path)));

    public static Task<List<Annotation>> ReadTextAsync(string format, string text, FileRole file) =>
        ReadAllAsync(format, new MemoryStream(Encoding.UTF8.GetBytes(text)), file);
}
