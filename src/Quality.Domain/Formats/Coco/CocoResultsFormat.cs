using Quality.Domain.Formats.Json;

namespace Quality.Domain.Formats.Coco;

/// <summary>A COCO results file: an array of detections with <c>image_id</c>, <c>category_id</c> and <c>score</c> (docs/formats/coco.md).</summary>
internal sealed class CocoResultsFormat : AnnotationFormat
{
    public override string Name => "coco-results";

    public override string Description => "a COCO results file";

    public override bool NamesAnnotators => false;

    public override bool ReadsLabelNames => true;

    public override bool Recognises(ReadOnlySpan<byte> head) =>
        JsonHead.Root(head) == (byte)'['
        && JsonHead.HasProperty(head, "image_id")
        && JsonHead.HasProperty(head, "category_id")
        && JsonHead.HasProperty(head, "score");

    public override IAnnotationReader Open(Stream stream, FileRole file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new CocoResultsReader(stream, file, file.RequireAnnotator("COCO results"));
    }
}
