using Quality.Domain.Annotations;
using Quality.Domain.Formats.Canonical;

namespace Quality.Domain.Formats.Manifest;

/// <summary>
/// Reads every file of a multi-file delivery in turn, as one stream of annotations: each file in its declared or
/// detected format, its annotations given the manifest's annotator and role and the file's path, and held to the
/// manifest's field declarations. Gold files come first. Gold usually covers a sample of the items (honeypots), so
/// items without gold are normal; but a file none of whose items is in the gold files is an error: its ids do not
/// match (file names in one tool, numeric ids in another), and it would silently be audited against nothing. Class names a file declares (COCO categories) are passed
/// to the files after it that carry only codes (COCO results).
/// </summary>
public sealed class ManifestDeliveryReader : IAnnotationReader, IReportsWarnings
{
    private readonly List<DeliveryWarning> _warnings = [];
    private readonly DeliveryManifest _manifest;
    private readonly IDeliveryFiles _files;
    private readonly string _manifestName;
    private readonly string _folder;
    private readonly IEnumerator<ManifestFile> _order;
    private readonly HashSet<string> _goldItems = new(StringComparer.Ordinal);
    private readonly List<string> _goldFiles = [];
    private IAnnotationReader? _reader;
    private bool _fileMeetsGold;
    private Annotation? _firstOutsideGold;
    private IReadOnlyDictionary<string, string>? _labelNames;
    private Stream? _stream;
    private ManifestFile? _file;

    /// <param name="manifestName">The manifest's name (blob or path); errors name each file by its path beside it.</param>
    public ManifestDeliveryReader(DeliveryManifest manifest, IDeliveryFiles files, string manifestName)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(manifestName);
        _manifest = manifest;
        _files = files;
        _manifestName = manifestName;
        _folder = manifestName[..(manifestName.LastIndexOf('/') + 1)];
        _order = manifest.ReadingOrder.GetEnumerator();
    }

    public DeliveryHeader Header => _manifest.Header;

    /// <summary>The warnings of every file read to its end so far, in reading order.</summary>
    public IReadOnlyList<DeliveryWarning> Warnings => _warnings;

    public async ValueTask<Annotation?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_reader is null)
            {
                if (!_order.MoveNext())
                {
                    return null;
                }

                _file = _order.Current;
                (_fileMeetsGold, _firstOutsideGold) = (false, null);
                await OpenAsync(_file, cancellationToken);
            }

            var file = _file!;
            var annotation = await _reader!.ReadAsync(cancellationToken);
            if (annotation is null)
            {
                if (!_fileMeetsGold && _firstOutsideGold is { } first)
                {
                    throw new DeliveryFormatException(_folder + file.Path, first.Line, "item",
                        $"none of its items is an item of the gold file{(_goldFiles.Count > 1 ? "s" : "")} {string.Join(", ", _goldFiles)} (the first, '{first.Item}'); the files' item ids do not match");
                }

                if (_reader is IReportsWarnings warns)
                {
                    _warnings.AddRange(warns.Warnings);
                }

                if (_reader is ILabelNames { LabelNames: { } names })
                {
                    _labelNames = names; // e.g. a COCO ground truth's categories, for the results files after it
                }

                if (file.Role == AnnotatorRole.Gold)
                {
                    _goldFiles.Add(file.Path);
                    if (_reader is IDeclaresItems declared)
                    {
                        _goldItems.UnionWith(declared.DeclaredItems);
                    }
                }

                Close();
                continue;
            }

            annotation = annotation with
            {
                File = file.Path,
                Annotator = file.Annotator ?? annotation.Annotator,
                Role = file.Role ?? annotation.Role,
            };
            if (_manifest.Header.Check(annotation) is { } problem)
            {
                throw new DeliveryFormatException(_folder + file.Path, annotation.Line, problem.Field, problem.Problem);
            }

            if (file.Role == AnnotatorRole.Gold)
            {
                _goldItems.Add(annotation.Item);
            }
            else if (_goldFiles.Count > 0)
            {
                if (_goldItems.Contains(annotation.Item))
                {
                    _fileMeetsGold = true;
                }
                else
                {
                    _firstOutsideGold ??= annotation;
                }
            }

            return annotation;
        }
    }

    /// <summary>Opens a listed file in its declared format, or the one its first bytes show (read once, then reopened).</summary>
    private async Task OpenAsync(ManifestFile file, CancellationToken cancellationToken)
    {
        var format = file.Format is { } name ? AnnotationFormats.Find(name)! : null;
        if (format is null)
        {
            await using var probe = await OpenExistingAsync(file, cancellationToken);
            format = AnnotationFormats.Detect(await AnnotationFormats.ReadHeadAsync(probe, cancellationToken), _folder + file.Path);
        }

        _stream = await OpenExistingAsync(file, cancellationToken);
        _reader = format.Open(_stream, file.ToFileRole() with { File = _folder + file.Path, LabelNames = _labelNames });
    }

    private async Task<Stream> OpenExistingAsync(ManifestFile file, CancellationToken cancellationToken) =>
        await _files.OpenAsync(file.Path, cancellationToken)
        ?? throw new DeliveryFormatException(_manifestName, 0, file.Field("path"), $"'{file.Path}' is listed but was not delivered");

    private void Close()
    {
        _reader?.Dispose();
        _reader = null;
        _stream?.Dispose();
        _stream = null;
    }

    public void Dispose()
    {
        Close();
        _order.Dispose();
    }
}
