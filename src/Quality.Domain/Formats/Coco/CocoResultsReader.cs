using Quality.Domain.Annotations;
using Quality.Domain.Formats.Json;

namespace Quality.Domain.Formats.Coco;

/// <summary>
/// A COCO results file (<c>[{"image_id", "category_id", "bbox", "score"}]</c>), streamed detection by detection.
/// It carries class codes only: their names come from <see cref="FileRole.LabelNames"/> (the ground truth's categories).
/// </summary>
internal sealed class CocoResultsReader : JsonAnnotationReader
{
    private readonly string _annotator;
    private readonly AnnotatorRole _role;

    /// <param name="annotator">From <see cref="FileRole.RequireAnnotator"/>, checked before the reader takes the stream.</param>
    public CocoResultsReader(Stream stream, FileRole file, string annotator)
        : base(stream, file)
    {
        _annotator = annotator;
        _role = file.Role ?? AnnotatorRole.Annotator;
    }

    protected override ValueTask<JsonRecord?> NextRecordAsync(CancellationToken cancellationToken) =>
        NextInRootArrayAsync("a COCO results file is an array of detections", cancellationToken);

    protected override void Convert(JsonRecord record, Queue<Annotation> annotations)
    {
        var fields = new JsonFields(File.File, record.Element, $"detection {record.Element.Index}", $"[{record.Element.Index}]");
        using var document = fields.Parse();
        var detection = fields.Object(document.RootElement, null);
        var item = CocoFields.ImageId(fields, detection);
        var label = CocoFields.Label(fields, detection, File.LabelNames,
            "results carry only category ids; declare the ground-truth instances file of the delivery so its categories name them");
        var attributes = JsonFields.TryGet(detection, "score", out var score)
            ? new Dictionary<string, string>(StringComparer.Ordinal) { ["score"] = JsonFields.Format(fields.Number(score, "score")) }
            : null;
        annotations.Enqueue(new Annotation(item, _annotator, _role, Annotation.DefaultField, label, fields.Line)
        {
            Box = CocoFields.Box(fields, detection),
            Attributes = attributes,
        });
    }
}
