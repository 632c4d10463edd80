using Quality.Domain.Formats.Json;

namespace Quality.Domain.Formats.Coco;

/// <summary>A COCO instances file: an object with <c>annotations</c> beside <c>images</c> or <c>categories</c> (docs/formats/coco.md).</summary>
internal sealed class CocoFormat : AnnotationFormat
{
    public override string Name => "coco";

    public override string Description => "a COCO instances file";

    public override bool NamesAnnotators => false;

    public override bool Recognises(ReadOnlySpan<byte> head) =>
        JsonHead.Root(head) == (byte)'{'
        && JsonHead.HasProperty(head, "annotations")
        && (JsonHead.HasProperty(head, "images") || JsonHead.HasProperty(head, "categories") || JsonHead.HasProperty(head, "category_id"));

    public override IAnnotationReader Open(Stream stream, FileRole file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new CocoInstancesReader(stream, file, file.RequireAnnotator("COCO"));
    }
}
