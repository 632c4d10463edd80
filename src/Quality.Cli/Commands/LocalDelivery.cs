using System.CommandLine;
using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Facts;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Manifest;
using Quality.Domain.Sampling;
using Quality.Domain.Taxonomy;
using Quality.Cli.Progress;

namespace Quality.Cli.Commands;

/// <summary>
/// A delivery on disk as the offline audit reads it: a canonical file, a <c>manifest.json</c> with its files beside
/// it, or one file in any vendor format (declared, or detected from its first bytes).
/// </summary>
internal static class LocalDelivery
{
    /// <summary>How the command line describes the file when the file cannot.</summary>
    /// <param name="Format">Declared format name; null to detect.</param>
    /// <param name="Field">The frame-tag field of a units × coders table's values.</param>
    public sealed record Options(
        string? Format, string? Annotator, AnnotatorRole? Role, IReadOnlyDictionary<string, FieldDeclaration> Levels, TaxonomyChecker? Checker = null, string? Field = null);

    /// <summary>
    /// The delivery audited, or null after writing to stderr why it cannot be: no such file, or the reader's error with
    /// its file, line and field.
    /// </summary>
    /// <param name="frame">Receives the delivery's review units (<see cref="ReviewFrame"/>) while it is audited.</param>
    /// <param name="evidence">Receives every gold comparison outcome with its strata (the root-cause drill-down's rows).</param>
    /// <param name="facts">Receives the delivery's facts (<see cref="FactCollector"/>) while it is audited.</param>
    public static async Task<DeliveryAudit?> TryAuditAsync(
        FileInfo file, Options options, BootstrapOptions bootstrap, SpatialOptions spatial, InvocationConfiguration console, CancellationToken cancellationToken,
        ICollection<ReviewUnit>? frame = null, ICollection<EvidencePair>? evidence = null, FactCollector? facts = null)
    {
        if (!file.Exists)
        {
            await console.Error.WriteLineAsync($"{file.FullName}: no such file");
            return null;
        }

        try
        {
            var audit = await WorkProgress.RunAsync(console.Error, $"auditing {file.Name}", file.Length,
                read => AuditAsync(file, options, bootstrap, spatial, (frame, evidence, facts), read, cancellationToken), TimeProvider.System, cancellationToken);
            foreach (var warning in audit.Warnings)
            {
                await console.Error.WriteLineAsync("warning: " + warning.Message);
            }

            return audit;
        }
        catch (DeliveryFormatException e)
        {
            await console.Error.WriteLineAsync(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"{file.FullName}: {e.Message}");
        }

        return null;
    }

    /// <exception cref="DeliveryFormatException">The delivery cannot be read; the message names file, line and field.</exception>
    private static async Task<DeliveryAudit> AuditAsync(
        FileInfo file, Options options, BootstrapOptions bootstrap, SpatialOptions spatial,
        (ICollection<ReviewUnit>? Frame, ICollection<EvidencePair>? Evidence, FactCollector? Facts) sinks, IProgress<long> read, CancellationToken cancellationToken)
    {
        var (frame, evidence, facts) = sinks;
        byte[] head;
        await using (var probe = file.OpenRead())
        {
            head = await AnnotationFormats.ReadHeadAsync(probe, cancellationToken);
        }

        // As in the pipeline, a file named manifest.json is a manifest, whatever its content says.
        if (options.Format is null && (file.Name == ManifestParser.FileName || ManifestParser.Recognises(head)))
        {
            if (file.Length > ManifestParser.MaxBytes)
            {
                throw new DeliveryFormatException(file.Name, 0, null, $"is {file.Length} bytes; a manifest may have at most {ManifestParser.MaxBytes}");
            }

            read.Report(ProgressCounter.Unknown); // the manifest names files of its own, read as the audit needs them
            var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
            var manifest = ManifestParser.Parse(bytes, file.Name, fallback: (file.Directory?.Name ?? "local", "local", "local"));
            // The files are parsed at once, on every core, and merged item by item; read whole (ReadAhead) when they
            // cannot be merged, or to give a broken delivery's first error.
            var files = new FolderFiles(file.DirectoryName ?? ".");
            return await DeliveryAuditor.AuditAsync(manifest.Header, () => new ManifestDeliveryReader(manifest, files, file.Name) { ReadAhead = true }, file.Name, cancellationToken, bootstrap, options.Levels, spatial, checker: options.Checker, frame: frame, evidence: evidence, facts: facts);
        }

        await using var stream = new CountingStream(file.OpenRead(), read);
        var format = options.Format is { } name ? AnnotationFormats.Find(name)! : Detect(file, head);
        if (format.Name == "canonical")
        {
            return await DeliveryAuditor.AuditAsync(stream, file.Name, cancellationToken, bootstrap, options.Levels, spatial, options.Checker, frame, evidence, facts);
        }

        using var reader = format.Open(stream, new FileRole(file.Name, options.Annotator, options.Role, Field: options.Field));
        return await DeliveryAuditor.AuditAsync(HeaderFor(file, format), reader, file.Name, cancellationToken, bootstrap, options.Levels, spatial,
            labelField: format.Name is "csv" or "csv-wide" ? "value" : "label", checker: options.Checker, frame: frame, evidence: evidence, facts: facts);
    }

    /// <summary>
    /// The file's format from its first bytes: a table of either layout for a <c>.csv</c> file (the units × coders
    /// reader's errors explain a table of neither), else the first format that recognises it, else canonical, whose
    /// errors say what a delivery starts with.
    /// </summary>
    /// <exception cref="DeliveryFormatException">An archive, a compressed file or UTF-16 text: says what to deliver instead.</exception>
    private static AnnotationFormat Detect(FileInfo file, byte[] head)
    {
        if (FileSignatures.Problem(head) is { } problem)
        {
            throw new DeliveryFormatException(file.Name, 0, null, problem);
        }

        var recognised = AnnotationFormats.All.FirstOrDefault(f => f.Recognises(head));
        return string.Equals(file.Extension, ".csv", StringComparison.OrdinalIgnoreCase) && recognised?.Name is not "csv"
            ? AnnotationFormats.Find("csv-wide")!
            : recognised ?? AnnotationFormats.Find("canonical")!;
    }

    /// <summary>A vendor file has no header of its own: it is named after the file, under no taxonomy.</summary>
    private static DeliveryHeader HeaderFor(FileInfo file, AnnotationFormat format) =>
        new(Path.GetFileNameWithoutExtension(file.Name), "local", "local", new TaxonomyReference("none", "0.0.0"), format.DataTypes);

    /// <summary>A manifest's files: paths below its folder.</summary>
    private sealed class FolderFiles(string folder) : IDeliveryFiles
    {
        public Task<Stream?> OpenAsync(string path, CancellationToken cancellationToken)
        {
            var full = Path.Combine(folder, path);
            return Task.FromResult<Stream?>(File.Exists(full) ? File.OpenRead(full) : null);
        }
    }
}
