using Quality.Domain.Formats.Json;

namespace Quality.Domain.Formats.LabelStudio;

/// <summary>Label Studio's JSON export: an array of tasks whose <c>annotations</c> (or legacy <c>completions</c>) hold a <c>result</c>.</summary>
internal sealed class LabelStudioFormat : AnnotationFormat
{
    public override string Name => "label-studio";

    public override string Description => "a Label Studio JSON export";

    public override IReadOnlyList<string> DataTypes => ["boxes-2d", "frame-tags"];

    public override bool Recognises(ReadOnlySpan<byte> head) =>
        JsonHead.Root(head) == (byte)'['
        && JsonHead.HasProperty(head, "result")
        && (JsonHead.HasProperty(head, "annotations") || JsonHead.HasProperty(head, "completions"));

    public override IAnnotationReader Open(Stream stream, FileRole file) => new LabelStudioReader(stream, file);
}
