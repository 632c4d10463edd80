using Quality.Domain.Annotations;
using Quality.Domain.Formats.Canonical;

namespace Quality.Domain.Formats.Manifest;

/// <summary>
/// A multi-file delivery's <c>manifest.json</c>: the header a canonical file would carry, and the files that hold the
/// annotations with who made them. See docs/formats/manifest.md.
/// </summary>
public sealed record DeliveryManifest(DeliveryHeader Header, IReadOnlyList<ManifestFile> Files)
{
    /// <summary>The files in reading order: gold first, so the others can be checked against its items.</summary>
    public IEnumerable<ManifestFile> ReadingOrder => Files.OrderBy(f => f.Role == AnnotatorRole.Gold ? 0 : 1).ThenBy(f => f.Index);
}

/// <summary>One listed file.</summary>
/// <param name="Index">Its 0-based position in <c>files</c>, for errors (<c>files[2].path</c>).</param>
/// <param name="Path">Relative to the manifest's folder.</param>
/// <param name="Format">A name from <see cref="AnnotationFormats"/>; null to detect it from the content.</param>
/// <param name="Annotator">Whose annotations the file holds, when the format does not say.</param>
/// <param name="Role">Every annotation's role; null leaves it to the file.</param>
/// <param name="TagField">The manifest's <c>field</c>: the frame-tag field of a file whose values name none (a units × coders table).</param>
public sealed record ManifestFile(int Index, string Path, string? Format, string? Annotator, AnnotatorRole? Role, string? TagField = null)
{
    public string Field(string property) => $"files[{Index}].{property}";

    public FileRole ToFileRole() => new(Path, Annotator, Role, Field: TagField, ManifestPath: Path);
}
