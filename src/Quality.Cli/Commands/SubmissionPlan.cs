using System.Security.Cryptography;
using Quality.Domain.Annotations;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Manifest;
using Quality.Pipeline.Deliveries;

namespace Quality.Cli.Commands;

/// <summary>
/// What <c>quality submit</c> will upload for a path: a single file with the names it needs (<see cref="Names"/>: null
/// for a canonical file, which names itself), or a folder's files with its manifest (the folder's own, or one written
/// from the options); or why it cannot.
/// </summary>
internal sealed record SubmissionPlan(DeliveryNames? Names, SubmissionPlan.FolderPlan? Folder, string? Problem)
{
    public sealed record FolderPlan(DeliveryHeader Header, IReadOnlyList<DeliveredFile> Files, byte[]? Manifest);

    /// <summary>Whether <paramref name="blobName"/>, the blob a submission's audit starts from, is a manifest this plan wrote rather than one delivered.</summary>
    public bool Generated(string blobName) =>
        DeliveryLayout.Classify(blobName) == DeliveryLayout.Kind.Manifest && Folder?.Manifest is null;

    /// <exception cref="DeliveryFormatException">A file or the folder's manifest cannot be delivered as it is.</exception>
    public static async Task<SubmissionPlan> ForAsync(FileSystemInfo path, VendorArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(arguments);
        var (fields, levelProblem) = arguments.Fields();
        var (names, namesProblem) = ReadNames(arguments, fields);
        if ((levelProblem ?? namesProblem) is { } problem)
        {
            return Fail(problem);
        }

        return path is DirectoryInfo folder
            ? await ForFolderAsync(folder, arguments, names, cancellationToken)
            : await ForFileAsync((FileInfo)path, arguments, names, cancellationToken);
    }

    private static async Task<SubmissionPlan> ForFileAsync(FileInfo file, VendorArguments arguments, DeliveryNames? names, CancellationToken cancellationToken)
    {
        var format = await DetectAsync(file, file.Name, cancellationToken);
        if (format.Name == "canonical")
        {
            return new SubmissionPlan(names, null, null);
        }

        if (names is null)
        {
            return Fail($"{file.Name}: looks like {format.Description} ({format.Name}); give --pipeline, --vendor and --delivery-id to deliver it as it is (a manifest is written for it)");
        }

        var annotators = Annotators(arguments, folder: false);
        if (annotators.Problem is { } problem)
        {
            return Fail(problem);
        }

        var gold = arguments.Gold.Any(g => Path.GetFileName(g) == file.Name);
        if (arguments.Gold.Count > (gold ? 1 : 0) || arguments.Gold.Any(g => Path.GetFileName(g) != file.Name))
        {
            return Fail($"--gold names a file other than {file.Name}");
        }

        return new SubmissionPlan(names with { Annotator = annotators.Single, Role = gold ? AnnotatorRole.Gold : null, Field = arguments.Field }, null, null);
    }

    private static async Task<SubmissionPlan> ForFolderAsync(DirectoryInfo folder, VendorArguments arguments, DeliveryNames? names, CancellationToken cancellationToken)
    {
        var manifestPath = Path.Combine(folder.FullName, ManifestParser.FileName);
        if (File.Exists(manifestPath))
        {
            var bytes = await File.ReadAllBytesAsync(manifestPath, cancellationToken);
            var manifest = ManifestParser.Parse(bytes, ManifestParser.FileName, names is null ? null : (names.DeliveryId, names.Pipeline, names.Vendor));
            var listed = new List<DeliveredFile>();
            foreach (var entry in manifest.Files)
            {
                var local = Path.Combine(folder.FullName, entry.Path);
                if (!File.Exists(local))
                {
                    throw new DeliveryFormatException(ManifestParser.FileName, 0, entry.Field("path"), $"'{entry.Path}' is listed but is not in the folder {folder.Name}");
                }

                listed.Add(await DeliveredAsync(entry, local, cancellationToken));
            }

            return new SubmissionPlan(null, new FolderPlan(manifest.Header, listed, bytes), null);
        }

        if (names is null)
        {
            return Fail($"{folder.Name}: a folder without a manifest.json needs --pipeline, --vendor and --delivery-id (a manifest is written for it)");
        }

        var annotators = Annotators(arguments, folder: true);
        if (annotators.Problem is { } problem)
        {
            return Fail(problem);
        }

        var files = new List<DeliveredFile>();
        var dataTypes = new List<string>();
        foreach (var local in folder.EnumerateFiles("*", SearchOption.AllDirectories).Where(f => !f.Name.StartsWith('.')).OrderBy(f => f.FullName, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder.FullName, local.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.Split('/').Any(segment => !CanonicalFormat.IsSafeName(segment)))
            {
                return Fail($"{relative}: a delivered file's path is made of letters, digits, '.', '_' and '-'; rename it");
            }

            var format = await DetectAsync(local, relative, cancellationToken);
            var gold = arguments.Gold.Any(g => g == relative || g == local.Name);
            var annotator = annotators.ByFile.GetValueOrDefault(relative) ?? annotators.ByFile.GetValueOrDefault(local.Name)
                ?? (format.NamesAnnotators || gold ? null : Path.GetFileNameWithoutExtension(local.Name));
            var entry = new ManifestFile(files.Count, relative, format.Name, annotator, gold ? AnnotatorRole.Gold : null, format.Name == "csv-wide" ? arguments.Field : null);
            files.Add(await DeliveredAsync(entry, local.FullName, cancellationToken));
            dataTypes.AddRange(format.DataTypes.Except(dataTypes));
        }

        if (files.Count == 0)
        {
            return Fail($"{folder.Name}: the folder holds no files");
        }

        var unmatched = arguments.Gold.Concat(annotators.ByFile.Keys)
            .FirstOrDefault(name => !files.Any(f => f.Entry.Path == name || Path.GetFileName(f.Entry.Path) == name));
        if (unmatched is not null)
        {
            return Fail($"{unmatched}: named by --gold or --annotator but not a file in {folder.Name}");
        }

        var header = new DeliveryHeader(names.DeliveryId, names.Pipeline, names.Vendor, names.Taxonomy, dataTypes) { Fields = names.Fields };
        return new SubmissionPlan(null, new FolderPlan(header, files, null), null);
    }

    /// <summary>The names given: all three or none (null); or what is wrong with them.</summary>
    private static (DeliveryNames? Names, string? Problem) ReadNames(VendorArguments arguments, Dictionary<string, FieldDeclaration> fields)
    {
        if (!arguments.NamesGiven)
        {
            return (null, null);
        }

        foreach (var (option, value) in new[] { ("--pipeline", arguments.Pipeline), ("--vendor", arguments.Vendor), ("--delivery-id", arguments.DeliveryId) })
        {
            if (value is null || !CanonicalFormat.IsSafeName(value))
            {
                return (null, $"{option} '{value}': give --pipeline, --vendor and --delivery-id together, each letters, digits, '.', '_', '-' (up to 63, starting with a letter or digit)");
            }
        }

        var names = new DeliveryNames(arguments.Pipeline!, arguments.Vendor!, arguments.DeliveryId!) { Fields = fields };
        if (arguments.Taxonomy is { } taxonomy)
        {
            var at = taxonomy.LastIndexOf('@');
            if (at <= 0 || !CanonicalFormat.IsSafeName(taxonomy[..at]) || taxonomy[(at + 1)..].Split('.') is not { Length: 3 } parts || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
            {
                return (null, $"--taxonomy '{taxonomy}': expected name@major.minor.patch, e.g. driving@1.1.0");
            }

            names = names with { Taxonomy = new TaxonomyReference(taxonomy[..at], taxonomy[(at + 1)..]) };
        }

        return (names, null);
    }

    /// <summary>--annotator as given: one NAME for a single file, FILE=NAME pairs in a folder.</summary>
    private static (string? Single, Dictionary<string, string> ByFile, string? Problem) Annotators(VendorArguments arguments, bool folder)
    {
        var byFile = new Dictionary<string, string>(StringComparer.Ordinal);
        string? single = null;
        foreach (var given in arguments.Annotators)
        {
            var parts = given.Split('=', 2);
            var name = parts[^1];
            if (!CanonicalFormat.IsValidId(name))
            {
                return (null, byFile, $"--annotator '{given}': an annotator is 1 to {CanonicalFormat.MaxIdLength} characters without control characters");
            }

            if (parts.Length == 2)
            {
                byFile[parts[0]] = name;
            }
            else if (folder || single is not null)
            {
                return (null, byFile, $"--annotator '{given}': {(folder ? "in a folder, name the file: FILE=NAME" : "a single file has one annotator")}");
            }
            else
            {
                single = name;
            }
        }

        return (single ?? (byFile.Count == 1 && !folder ? byFile.Values.Single() : null), byFile, null);
    }

    /// <exception cref="DeliveryFormatException">The file is an archive, compressed, UTF-16, or in no format this product reads.</exception>
    private static async Task<AnnotationFormat> DetectAsync(FileInfo file, string name, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenRead();
        var head = await AnnotationFormats.ReadHeadAsync(stream, cancellationToken);
        return AnnotationFormats.All.FirstOrDefault(f => f.Recognises(head)) is { } format && FileSignatures.Problem(head) is null
            ? format
            : AnnotationFormats.Detect(head, name);
    }

    private static async Task<DeliveredFile> DeliveredAsync(ManifestFile entry, string path, CancellationToken cancellationToken)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5); // Content-MD5, an integrity check, not security
        await using (var stream = File.OpenRead(path))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                md5.AppendData(buffer, 0, read);
            }
        }

        return new DeliveredFile(entry, () => File.OpenRead(path), md5.GetHashAndReset());
    }

    private static SubmissionPlan Fail(string problem) => new(null, null, problem);
}
