using Quality.Domain.Formats.Json;

namespace Quality.Domain.Formats.NuScenes;

/// <summary>nuScenes boxes: sample annotations (<c>sample_token</c>, <c>translation</c>) or detection results (<c>results</c>) (docs/formats/nuscenes.md).</summary>
internal sealed class NuScenesFormat : AnnotationFormat
{
    public override string Name => "nuscenes";

    public override string Description => "a nuScenes boxes file";

    public override bool NamesAnnotators => false;

    public override IReadOnlyList<string> DataTypes => ["cuboids-3d"];

    public override bool Recognises(ReadOnlySpan<byte> head) => JsonHead.Root(head) switch
    {
        (byte)'[' => JsonHead.HasProperty(head, "sample_token") && JsonHead.HasProperty(head, "translation"),
        (byte)'{' => JsonHead.HasProperty(head, "results") && (JsonHead.HasProperty(head, "translation") || JsonHead.HasProperty(head, "meta")),
        _ => false,
    };

    public override IAnnotationReader Open(Stream stream, FileRole file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new NuScenesReader(stream, file, file.RequireAnnotator("nuScenes"));
    }
}
