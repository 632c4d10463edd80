using Quality.Domain.Annotations;
using Quality.Domain.Formats.Json;

namespace Quality.Domain.Formats.LabelStudio;

/// <summary>A Label Studio JSON export (an array of tasks), streamed task by task (docs/formats/label-studio.md).</summary>
internal sealed class LabelStudioReader(Stream stream, FileRole file) : JsonAnnotationReader(stream, file), Manifest.IDeclaresItems, IReportsWarnings
{
    private readonly HashSet<string> _tasks = new(StringComparer.Ordinal);
    private readonly UnnamedAnnotators _unnamed = new();

    /// <summary>Annotations that named no annotator and were counted as their own (<see cref="UnnamedAnnotators"/>).</summary>
    public IReadOnlyList<DeliveryWarning> Warnings => _unnamed.Warnings(File.File);

    /// <summary>Every task, with annotations or without: a gold task answered "nothing here" is still an item.</summary>
    public IEnumerable<string> DeclaredItems => _tasks;

    protected override ValueTask<JsonRecord?> NextRecordAsync(CancellationToken cancellationToken) =>
        NextInRootArrayAsync("a Label Studio JSON export is an array of tasks", cancellationToken);

    protected override void Convert(JsonRecord record, Queue<Annotation> annotations)
    {
        var fields = new JsonFields(File.File, record.Element, $"task {record.Element.Index}");
        using var document = fields.Parse();
        _tasks.Add(LabelStudioTaskParser.Parse(fields, document.RootElement, File, annotations, _unnamed));
    }
}
