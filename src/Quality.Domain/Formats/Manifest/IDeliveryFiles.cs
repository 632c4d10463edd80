namespace Quality.Domain.Formats.Manifest;

/// <summary>Where a multi-file delivery's files are: a folder on disk, or the blobs beside the manifest.</summary>
public interface IDeliveryFiles
{
    /// <summary>The file's content, read once forwards; null when it was not delivered.</summary>
    Task<Stream?> OpenAsync(string path, CancellationToken cancellationToken);
}

/// <summary>
/// A reader that knows every item its file covers, including items with nothing on them (a COCO image without
/// objects, a Label Studio task whose answer is "nothing here"): the gold file's list other files are checked against.
/// </summary>
public interface IDeclaresItems
{
    /// <summary>The items the file declares; complete once the reader has returned null.</summary>
    IEnumerable<string> DeclaredItems { get; }
}
