using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Facts;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Csv;
using Quality.Domain.Formats.Manifest;
using Quality.Domain.Sampling;
using Quality.Domain.Taxonomy;

namespace Quality.Domain.Audit;

/// <summary>
/// Audits a whole delivery in one process: the offline path (<c>quality audit</c>) and the reference the sharded
/// pipeline must agree with. Holds every annotation until the end of the file; the pipeline's shards bound that
/// memory instead.
/// </summary>
public static class DeliveryAuditor
{
    /// <summary>A canonical delivery, each field at the level its header declares.</summary>
    /// <param name="levels">Field declarations that override the header's (e.g. <c>quality audit --level</c>).</param>
    /// <param name="evidence">Receives every gold comparison outcome with its strata, when given.</param>
    public static async Task<DeliveryAudit> AuditAsync(
        Stream delivery, string file, CancellationToken cancellationToken, BootstrapOptions? bootstrap = null,
        IReadOnlyDictionary<string, FieldDeclaration>? levels = null, SpatialOptions? spatial = null, TaxonomyChecker? checker = null,
        ICollection<ReviewUnit>? frame = null, ICollection<EvidencePair>? evidence = null, FactCollector? facts = null)
    {
        using var reader = new CanonicalDeliveryReader(delivery, file);
        var header = Declared(await reader.ReadHeaderAsync(cancellationToken), levels, checker);

        // The reader checks every annotation against the delivery's own header; only other declarations need a second check.
        var next = levels is { Count: > 0 } || checker is not null ? header.Checking(reader.ReadAnnotationAsync, file) : reader.ReadAnnotationAsync;
        var audit = await BatchAuditReader.ReadAsync(next, file, cancellationToken,
            new BatchAudit(spatial, evidence) { Checker = checker, Frame = frame, Metadata = header.Metadata, Facts = facts });
        return Finish(header, audit, bootstrap, file);
    }

    /// <summary>
    /// Annotations from any reader (a vendor format, a manifest's files) under <paramref name="header"/>'s field
    /// declarations, overridden by <paramref name="levels"/>; every annotation is checked against them.
    /// </summary>
    /// <param name="labelField">What the format calls a tag's value, for errors (a CSV table's <c>value</c> column).</param>
    /// <param name="evidence">Receives every gold comparison outcome with its strata, when given.</param>
    public static async Task<DeliveryAudit> AuditAsync(
        DeliveryHeader header, IAnnotationReader reader, string file, CancellationToken cancellationToken, BootstrapOptions? bootstrap = null,
        IReadOnlyDictionary<string, FieldDeclaration>? levels = null, SpatialOptions? spatial = null, string labelField = "label",
        TaxonomyChecker? checker = null, ICollection<ReviewUnit>? frame = null, ICollection<EvidencePair>? evidence = null, FactCollector? facts = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        header = Declared(header, levels, checker);
        var audit = new BatchAudit(spatial, evidence) { Checker = checker, Frame = frame, Metadata = header.Metadata, Facts = facts };
        if (reader is RatingsCsvReader table && checker is null && frame is null && facts is null)
        {
            // Tags only and nothing that needs the annotations themselves (no checks, review frame or facts; a table of
            // tags has no objects, so no evidence either): the table's rows go in without them, on every core.
            await RatingsCsvBlocks.ReadAsync(table, (groupAsRead, items) => new TagTable(header, file, table.Role, labelField, groupAsRead, items), audit, cancellationToken);
        }
        else
        {
            await BatchAuditReader.ReadAsync(header.Checking(reader.ReadAsync, file, labelField), file, cancellationToken, audit);
        }

        return Finish(header, audit, bootstrap, file) with { Warnings = reader is IReportsWarnings warns ? warns.Warnings : [] };
    }

    /// <summary>
    /// A manifest's files merged item by item (<see cref="ManifestDeliveryReader.ReadItemsAsync"/>) and audited as the
    /// items complete: when the files list their items in one order, memory does not grow with them. When they cannot be
    /// merged, on any error, or with <paramref name="facts"/> (which hold every item anyway), a new reader from
    /// <paramref name="open"/> reads the delivery whole, as <see cref="AuditAsync(DeliveryHeader, IAnnotationReader, string, CancellationToken, BootstrapOptions?, IReadOnlyDictionary{string, FieldDeclaration}?, SpatialOptions?, string, TaxonomyChecker?, ICollection{ReviewUnit}?, ICollection{EvidencePair}?, FactCollector?)"/>
    /// does: the same figures, and the error one file after another meets first. <paramref name="frame"/> and
    /// <paramref name="evidence"/> are cleared before that second reading.
    /// </summary>
    /// <param name="open">A new reader of the manifest's files at each call.</param>
    public static async Task<DeliveryAudit> AuditAsync(
        DeliveryHeader header, Func<ManifestDeliveryReader> open, string file, CancellationToken cancellationToken, BootstrapOptions? bootstrap = null,
        IReadOnlyDictionary<string, FieldDeclaration>? levels = null, SpatialOptions? spatial = null, TaxonomyChecker? checker = null,
        ICollection<ReviewUnit>? frame = null, ICollection<EvidencePair>? evidence = null, FactCollector? facts = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        if (facts is null)
        {
            var declared = Declared(header, levels, checker);
            using var merged = open();
            try
            {
                var audit = new BatchAudit(spatial, evidence) { Checker = checker, Frame = frame, Metadata = declared.Metadata };
                // The reader checks every annotation against the manifest's header; only other declarations need a second check.
                var items = levels is { Count: > 0 } || checker is not null
                    ? Checked(merged.ReadItemsAsync(cancellationToken), declared, file)
                    : merged.ReadItemsAsync(cancellationToken);
                await BatchAuditReader.AddItemsAsync(items, file, audit, cancellationToken);
                return Finish(declared, audit, bootstrap, file) with { Warnings = merged.Warnings };
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                frame?.Clear();
                evidence?.Clear();
            }
        }

        using var whole = open();
        return await AuditAsync(header, whole, file, cancellationToken, bootstrap, levels, spatial, checker: checker, frame: frame, evidence: evidence, facts: facts);
    }

    /// <summary>Items whose every annotation holds to <paramref name="header"/>'s declarations (<see cref="DeliveryHeader.Check"/>).</summary>
    private static async IAsyncEnumerable<IReadOnlyList<Annotation>> Checked(IAsyncEnumerable<IReadOnlyList<Annotation>> items, DeliveryHeader header, string file)
    {
        await foreach (var item in items)
        {
            foreach (var annotation in item)
            {
                header.ThrowIfBroken(annotation, file);
            }

            yield return item;
        }
    }

    /// <summary>
    /// The levels in force, as in the pipeline: the taxonomy's, overridden by the delivery header's, overridden by
    /// <paramref name="levels"/> (the command line).
    /// </summary>
    private static DeliveryHeader Declared(DeliveryHeader header, IReadOnlyDictionary<string, FieldDeclaration>? levels, TaxonomyChecker? checker)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (levels is not { Count: > 0 } && checker is null)
        {
            return header;
        }

        var fields = new Dictionary<string, FieldDeclaration>(checker?.Taxonomy.Fields() ?? new Dictionary<string, FieldDeclaration>(), StringComparer.Ordinal);
        foreach (var (field, declaration) in header.Fields.Concat(levels ?? new Dictionary<string, FieldDeclaration>()))
        {
            fields[field] = declaration;
        }

        return header with { Fields = fields };
    }

    private static DeliveryAudit Finish(DeliveryHeader header, BatchAudit audit, BootstrapOptions? bootstrap, string file)
    {
        if (audit.Annotations == 0)
        {
            throw DeliveryFormatException.NoAnnotations(file);
        }

        bootstrap ??= new BootstrapOptions { Seed = BatchAudit.DefaultSeed };
        // Its inputs are complete now: the geometric alpha's replicates run beside the suites and the root causes.
        audit.StartGeometryBootstrap(bootstrap);
        var result = audit.Finish(header.Field, bootstrap);
        return new DeliveryAudit(header, result, bootstrap);
    }
}

/// <summary>One delivery audited offline: its header, figures and agreement suites, and the bootstrap they used.</summary>
public sealed record DeliveryAudit(DeliveryHeader Header, BatchAuditResult Result, BootstrapOptions Bootstrap)
{
    public BatchMetrics Metrics => Result.Metrics;

    /// <summary>What the readers had to assume to read the delivery (<see cref="IReportsWarnings"/>); empty when nothing.</summary>
    public IReadOnlyList<DeliveryWarning> Warnings { get; init; } = [];
}
