using System.Text.Json;
using Quality.Domain.Annotations;
using Quality.Domain.Formats.Json;

namespace Quality.Domain.Formats.Coco;

/// <summary>
/// A COCO instances file (<c>{"images", "annotations", "categories"}</c>), streamed annotation by annotation. Memory
/// holds the images' sizes and the category names, never the annotations.
/// </summary>
/// <remarks>
/// An annotation needs its image and category, but the properties may come in any order (the COCO release files
/// put <c>annotations</c> first). Annotations that come before <c>images</c> or <c>categories</c> are passed over
/// (syntax still checked), and once those are read the stream is rewound to the annotations: that needs a seekable
/// stream (files and blob streams are); otherwise the file is rejected with that reason.
/// </remarks>
internal sealed class CocoInstancesReader : JsonAnnotationReader, ILabelNames, Manifest.IDeclaresItems
{
    private readonly string _annotator;
    private readonly AnnotatorRole _role;
    private readonly Dictionary<string, ImageSize> _images = new(StringComparer.Ordinal);
    private Dictionary<string, string>? _categories;
    private bool _imagesRead;
    private bool _annotationsSeen;
    private JsonCheckpoint? _annotationsToRevisit;
    private Phase _phase;

    /// <param name="annotator">From <see cref="FileRole.RequireAnnotator"/>, checked before the reader takes the stream.</param>
    public CocoInstancesReader(Stream stream, FileRole file, string annotator)
        : base(stream, file)
    {
        _annotator = annotator;
        _role = file.Role ?? AnnotatorRole.Annotator;
    }

    private enum Phase
    {
        Start,
        Properties,
        Annotations,
        RootRead,
        RevisitedAnnotations,
        Done,
    }

    public IReadOnlyDictionary<string, string>? LabelNames => _categories;

    /// <summary>Every image, with objects or without: an image a gold file leaves empty is still an item.</summary>
    public IEnumerable<string> DeclaredItems => _images.Keys;

    protected override async ValueTask<JsonRecord?> NextRecordAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            switch (_phase)
            {
                case Phase.Start:
                    if (await Splitter.ReadRootAsync(cancellationToken) != JsonTokenType.StartObject)
                    {
                        throw new DeliveryFormatException(File.File, 1, null, "a COCO instances file is an object with images, annotations and categories");
                    }

                    _phase = Phase.Properties;
                    break;
                case Phase.Properties:
                    if (await Splitter.ReadPropertyNameAsync(cancellationToken) is { } name)
                    {
                        await ReadPropertyAsync(name, cancellationToken);
                    }
                    else
                    {
                        await Splitter.ReadEndAsync(cancellationToken);
                        _phase = Phase.RootRead;
                    }

                    break;
                case Phase.Annotations or Phase.RevisitedAnnotations:
                    if (await Splitter.ReadElementAsync(cancellationToken) is { } annotation)
                    {
                        return new JsonRecord(annotation);
                    }

                    _phase = _phase == Phase.Annotations ? Phase.Properties : Phase.Done;
                    break;
                case Phase.RootRead:
                    await RevisitAnnotationsAsync(cancellationToken);
                    break;
                default:
                    return null;
            }
        }
    }

    protected override void Convert(JsonRecord record, Queue<Annotation> annotations)
    {
        var fields = new JsonFields(File.File, record.Element, $"annotation {record.Element.Index}", $"annotations[{record.Element.Index}]");
        using var document = fields.Parse();
        var annotation = fields.Object(document.RootElement, null);
        var id = fields.Id(fields.Required(annotation, "id", "id"), "id");
        fields.Identify(id);
        if (fields.Flag(annotation, "iscrowd", "iscrowd"))
        {
            return; // a crowd region marks many objects at once; COCO evaluation ignores it too
        }

        var item = CocoFields.ImageId(fields, annotation);
        var image = _images.TryGetValue(item, out var size) ? size : throw fields.Error("image_id", $"{item} is not in images");
        var label = CocoFields.Label(fields, annotation, _categories, "the file has no categories");
        annotations.Enqueue(new Annotation(item, _annotator, _role, Annotation.DefaultField, label, fields.Line)
        {
            Id = id,
            Box = CocoFields.Box(fields, annotation),
            Image = image,
        });
    }

    private async ValueTask ReadPropertyAsync(string name, CancellationToken cancellationToken)
    {
        switch (name)
        {
            case "images":
                await ReadArrayAsync(name, ReadImage, cancellationToken);
                _imagesRead = true;
                break;
            case "categories":
                _categories = new Dictionary<string, string>(StringComparer.Ordinal);
                await ReadArrayAsync(name, ReadCategory, cancellationToken);
                break;
            case "annotations":
                await EnterAnnotationsAsync(cancellationToken);
                break;
            default:
                await Splitter.SkipValueAsync(cancellationToken);
                break;
        }
    }

    private async ValueTask EnterAnnotationsAsync(CancellationToken cancellationToken)
    {
        if (_annotationsSeen)
        {
            throw new DeliveryFormatException(File.File, 0, "annotations", "appears twice");
        }

        _annotationsSeen = true;
        await ExpectArrayAsync("annotations", cancellationToken);
        if (_imagesRead && _categories is not null)
        {
            _phase = Phase.Annotations;
            return;
        }

        if (!Splitter.CanRewind)
        {
            throw new DeliveryFormatException(File.File, Splitter.LastArrayStart.Line, "annotations",
                "comes before images and categories, which can only be read from a seekable stream (a file or a blob); "
                + "put images and categories first, or read the file from storage");
        }

        _annotationsToRevisit = Splitter.LastArrayStart;
        await Splitter.SkipArrayAsync(cancellationToken);
    }

    private async ValueTask RevisitAnnotationsAsync(CancellationToken cancellationToken)
    {
        if (!_imagesRead || _categories is null || !_annotationsSeen)
        {
            var missing = new[] { ("images", _imagesRead), ("categories", _categories is not null), ("annotations", _annotationsSeen) }
                .First(p => !p.Item2).Item1;
            throw new DeliveryFormatException(File.File, 0, missing, "missing; a COCO instances file has images, annotations and categories");
        }

        if (_annotationsToRevisit is { } start)
        {
            Splitter.Rewind(start);
            await ExpectArrayAsync("annotations", cancellationToken);
            _phase = Phase.RevisitedAnnotations;
        }
        else
        {
            _phase = Phase.Done;
        }
    }

    private async ValueTask ExpectArrayAsync(string name, CancellationToken cancellationToken)
    {
        if (await Splitter.EnterValueAsync(cancellationToken) != JsonTokenType.StartArray)
        {
            throw new DeliveryFormatException(File.File, 0, name, "is not an array");
        }
    }

    private async ValueTask ReadArrayAsync(string name, Action<JsonFields, JsonElement> read, CancellationToken cancellationToken)
    {
        await ExpectArrayAsync(name, cancellationToken);
        while (await Splitter.ReadElementAsync(cancellationToken) is { } element)
        {
            var fields = new JsonFields(File.File, element, $"{name} {element.Index}", $"{name}[{element.Index}]");
            using var document = fields.Parse();
            read(fields, fields.Object(document.RootElement, null));
        }
    }

    private void ReadImage(JsonFields fields, JsonElement image)
    {
        var id = fields.Id(fields.Required(image, "id", "id"), "id");
        var size = new ImageSize(
            fields.Positive(fields.Required(image, "width", "width"), "width"),
            fields.Positive(fields.Required(image, "height", "height"), "height"));
        if (!_images.TryAdd(id, size))
        {
            throw fields.Error("id", $"image {id} is listed twice");
        }
    }

    private void ReadCategory(JsonFields fields, JsonElement category)
    {
        var id = fields.Id(fields.Required(category, "id", "id"), "id");
        if (!_categories!.TryAdd(id, fields.Text(fields.Required(category, "name", "name"), "name")))
        {
            throw fields.Error("id", $"category {id} is listed twice");
        }
    }
}
