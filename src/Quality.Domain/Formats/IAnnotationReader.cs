using Quality.Domain.Annotations;

namespace Quality.Domain.Formats;

/// <summary>
/// One delivered file read as annotations, one at a time, whatever tool exported it. Memory is bounded by the
/// reader's buffer, not by the file.
/// </summary>
public interface IAnnotationReader : IDisposable
{
    /// <summary>The next annotation, or null at the end of the file.</summary>
    /// <exception cref="DeliveryFormatException">The only exception bad input may raise: names the file, position and field.</exception>
    ValueTask<Annotation?> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>
/// What a delivery says about one of its files that the file may not say itself: who made its annotations and in
/// which role (a manifest entry, or the command line).
/// </summary>
/// <param name="File">The name errors report (the manifest's path for the file, or the blob name).</param>
/// <param name="Annotator">Whose annotations these are, for formats that do not name the annotator (COCO, nuScenes).</param>
/// <param name="Role">The role of every annotation in the file; null leaves it to the file (e.g. Label Studio's <c>ground_truth</c>).</param>
/// <param name="LabelNames">
/// Class names by code, for formats that carry only codes (COCO results' <c>category_id</c>); typically the
/// <see cref="ILabelNames.LabelNames"/> of the delivery's ground-truth file.
/// </param>
/// <param name="Field">The frame-tag field of a format whose values name none (a units × coders table).</param>
/// <param name="ManifestPath">
/// The file's path in its manifest, which the manifest's reader gives every annotation as <see cref="Annotation.File"/>;
/// a format may give it itself (nuScenes does), so that the manifest's reader need not copy each annotation to stamp it.
/// </param>
public sealed record FileRole(
    string File,
    string? Annotator = null,
    AnnotatorRole? Role = null,
    IReadOnlyDictionary<string, string>? LabelNames = null,
    string? Field = null,
    string? ManifestPath = null)
{
    /// <summary>The annotator of a format that names none: the declared one, else "gold" for a gold file.</summary>
    /// <exception cref="DeliveryFormatException">Neither: says the format needs one declared.</exception>
    internal string RequireAnnotator(string format) =>
        Annotator ?? (Role == AnnotatorRole.Gold ? "gold" : throw new DeliveryFormatException(File, 0, "annotator",
            $"a {format} file does not say who annotated it; declare its annotator (or role gold) in the manifest or on the command line"));
}
