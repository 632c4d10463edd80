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
public sealed record FileRole(string File, string? Annotator = null, AnnotatorRole? Role = null);
