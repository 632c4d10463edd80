namespace Quality.Domain.Formats.LabelStudio;

/// <summary>
/// Annotations of a Label Studio export that say nothing of who made them (no <c>completed_by</c>, as older Label Studio
/// versions exported them) and for which the delivery declares no annotator: each is counted as its own annotator,
/// named after the annotation's <c>id</c>, and the file gets one warning naming the first.
/// </summary>
internal sealed class UnnamedAnnotators
{
    private long _count;
    private (long Line, string Field, string Annotator)? _first;

    /// <summary>The annotator an annotation without <c>completed_by</c> is counted as: its id, else its place in its task.</summary>
    public string Name(long line, string field, string? annotationId, string taskId, string path)
    {
        var name = annotationId is null ? $"task-{taskId}-{path.Replace('[', '-').TrimEnd(']')}" : $"annotation-{annotationId}";
        _count++;
        _first ??= (line, field, name);
        return name;
    }

    public IReadOnlyList<DeliveryWarning> Warnings(string file) => _first is not { } first ? [] :
    [
        new DeliveryWarning(file, first.Line, first.Field,
            $"{_count} annotation{(_count == 1 ? "" : "s")} name no annotator (no completed_by), so each is counted as an annotator of its own, named after its id or place (the first: '{first.Annotator}'): "
            + "agreement is as delivered, but per-annotator figures compare annotations, not people; declare the file's annotator in the manifest (or --annotator) if one person made them"),
    ];
}
