using System.Runtime.ExceptionServices;
using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Audit.Tags;
using Quality.Domain.Facts;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.RootCauses;
using Quality.Domain.Sampling;
using Quality.Domain.Taxonomy;

namespace Quality.Domain.Audit;

/// <summary>
/// The mergeable audit of a batch (or of one shard of it): counts, and the ratings of every frame-tag field as
/// <see cref="RatingPatterns"/>, from which <see cref="Finish"/> computes the agreement suite at each field's level.
/// Items are added whole, so a shard that holds an item holds all of its annotations.
/// </summary>
public sealed class BatchAudit(SpatialOptions? spatialOptions = null, ICollection<EvidencePair>? evidence = null)
{
    private readonly SpatialOptions _spatialOptions = spatialOptions ?? new SpatialOptions();
    private readonly SortedDictionary<string, long> _byRole = new(StringComparer.Ordinal);
    private SpatialAudit _spatial = new();
    private TagGoldAudit _tagGold = new();
    private readonly SortedSet<string> _annotators = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, RatingPatterns> _fields = new(StringComparer.Ordinal);

    /// <summary>The evidence rows of the item added last (<see cref="AddItem"/>), emptied when the next is added.</summary>
    private List<EvidencePair>? _itemEvidence;

    /// <summary>The spatial audits' working storage of each run of <see cref="AddItems"/>, kept from batch to batch: a run is ~12 frames.</summary>
    private SpatialAudit.ItemScratch[] _runScratch = [];

    private BatchAudit(SpatialOptions? spatialOptions, ICollection<EvidencePair>? evidence, SpatialAudit spatial)
        : this(spatialOptions, evidence) => _spatial = spatial;

    /// <summary>Holds every item to the delivery's taxonomy when set; violations are counted, not rejected.</summary>
    public TaxonomyChecker? Checker { get; init; }

    /// <summary>Receives each item's review units (<see cref="ReviewFrame"/>) when set: the frame a review sample is drawn from.</summary>
    public ICollection<ReviewUnit>? Frame { get; init; }

    /// <summary>Receives each item's facts (<see cref="FactCollector"/>) when set: what a batch writes for SQL (docs/query.md).</summary>
    public FactCollector? Facts { get; init; }

    /// <summary>The delivery's <c>metadata</c> (header or manifest): strata <c>delivery.{name}</c> of every evidence row.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>The taxonomy violations found, or null when no taxonomy was checked.</summary>
    public ViolationTally? Violations => _violations;

    private ViolationTally? _violations;

    public long Items { get; private set; }

    public long Annotations { get; private set; }

    /// <summary>Adds every annotation of one item. Agreement is measured among role <c>annotator</c> only.</summary>
    /// <exception cref="DeliveryFormatException">An annotator tagged the same field of the item twice.</exception>
    public void AddItem(string file, IReadOnlyList<Annotation> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        if (annotations.Count == 0)
        {
            return;
        }

        Items++;
        Annotations += annotations.Count;
        var tagsByField = new SortedDictionary<string, Dictionary<string, Annotation>>(StringComparer.Ordinal);
        foreach (var annotation in annotations)
        {
            var role = RoleName(annotation.Role);
            _byRole[role] = _byRole.GetValueOrDefault(role) + 1;
            if (annotation.Role != AnnotatorRole.Annotator)
            {
                continue;
            }

            _annotators.Add(annotation.Annotator);
            if (!annotation.IsTag)
            {
                continue;
            }

            if (!tagsByField.TryGetValue(annotation.Field, out var byAnnotator))
            {
                byAnnotator = new Dictionary<string, Annotation>(StringComparer.Ordinal);
                tagsByField[annotation.Field] = byAnnotator;
            }

            if (!byAnnotator.TryAdd(annotation.Annotator, annotation))
            {
                throw new DeliveryFormatException(annotation.SourceIn(file), annotation.Line, "field",
                    $"annotator '{annotation.Annotator}' already tagged '{annotation.Field}' of item '{annotation.Item}' " +
                    $"on line {byAnnotator[annotation.Annotator].Line}; one value per annotator, item and field");
            }
        }

        foreach (var (field, byAnnotator) in tagsByField)
        {
            FieldRatings(field).AddUnit(byAnnotator.Values.Select(a => new Rating(a.Annotator, a.Label)));
        }

        // The item's evidence alone, so its facts can be written with the item's tags; one list item after item (an
        // audit adds its items on one thread), emptied for each.
        var itemEvidence = evidence is null && Facts is null ? null : _itemEvidence ??= [];
        itemEvidence?.Clear();
        var strata = itemEvidence is null ? null : ItemStrata.Of(annotations, Metadata);
        if (annotations.Any(a => !a.IsTag))
        {
            _spatial.AddItem(annotations, _spatialOptions, itemEvidence, strata);
        }

        if (itemEvidence is not null)
        {
            foreach (var pair in itemEvidence)
            {
                evidence?.Add(pair);
            }

            Facts?.AddItem(annotations, itemEvidence, strata!);
        }

        if (Frame is not null)
        {
            foreach (var unit in ReviewFrame.Of(annotations, _spatialOptions))
            {
                Frame.Add(unit);
            }
        }

        if (Checker is not null)
        {
            _violations ??= new ViolationTally();
            Checker.CheckItem(annotations, _violations);
        }

        _tagGold.AddItem(file, annotations);
    }

    /// <summary>
    /// Adds <paramref name="items"/> as <see cref="AddItem"/> would one after another, on every core: contiguous runs of
    /// items are audited apart and merged in order (every part of the audit merges exactly: counts, and sums in fixed
    /// point), and their evidence and review units are passed on in item order, so the result is the sequential one.
    /// A bad item raises the error the sequential pass would have met first. Facts are collected in one pass.
    /// </summary>
    /// <exception cref="DeliveryFormatException">An annotator tagged the same field of an item twice.</exception>
    public void AddItems(string file, IReadOnlyList<IReadOnlyList<Annotation>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var runs = Facts is null ? Math.Min(Environment.ProcessorCount * RunsPerCore, items.Count / MinimumItemsPerRun) : 1;
        if (runs <= 1)
        {
            foreach (var item in items)
            {
                AddItem(file, item);
            }

            return;
        }

        var parts = new (BatchAudit Audit, List<EvidencePair>? Evidence, List<ReviewUnit>? Frame, ExceptionDispatchInfo? Error)[runs];
        if (_runScratch.Length < runs)
        {
            Array.Resize(ref _runScratch, runs);
        }

        Parallel.For(0, runs, run =>
        {
            var (evidenceOfRun, frameOfRun) = (evidence is null ? null : new List<EvidencePair>(), Frame is null ? null : new List<ReviewUnit>());
            var spatial = new SpatialAudit(_runScratch[run] ??= new SpatialAudit.ItemScratch());
            var audit = new BatchAudit(_spatialOptions, evidenceOfRun, spatial) { Checker = Checker, Frame = frameOfRun, Metadata = Metadata };
            try
            {
                for (var i = items.Count * run / runs; i < items.Count * (run + 1) / runs; i++)
                {
                    audit.AddItem(file, items[i]);
                }

                parts[run] = (audit, evidenceOfRun, frameOfRun, null);
            }
            catch (Exception e)
            {
                parts[run] = (audit, null, null, ExceptionDispatchInfo.Capture(e));
            }
        });
        foreach (var (audit, evidenceOfRun, frameOfRun, error) in parts)
        {
            error?.Throw();
            Merge(audit);
            foreach (var pair in evidenceOfRun ?? [])
            {
                evidence!.Add(pair);
            }

            foreach (var unit in frameOfRun ?? [])
            {
                Frame!.Add(unit);
            }
        }
    }

    /// <summary>Runs of items per core: more than one, so that a core slowed by other work does not hold up the rest.</summary>
    private const int RunsPerCore = 4;

    /// <summary>Below this many items a run costs more to schedule and merge than it saves.</summary>
    private const int MinimumItemsPerRun = 16;

    /// <summary>
    /// The counts of <paramref name="annotations"/> tags of one role on <paramref name="items"/> items, added without
    /// the annotations (<see cref="TagTable"/>); <paramref name="annotators"/> are those of role annotator.
    /// </summary>
    internal void AddTagCounts(long items, long annotations, AnnotatorRole role, IEnumerable<string> annotators)
    {
        Items += items;
        Annotations += annotations;
        _byRole[RoleName(role)] = _byRole.GetValueOrDefault(RoleName(role)) + annotations;
        _annotators.UnionWith(annotators);
    }

    /// <summary>A field's ratings built elsewhere (<see cref="TagTable"/>), merged into the field's.</summary>
    internal void AddFieldRatings(string field, RatingPatterns ratings)
    {
        if (_fields.TryAdd(field, ratings))
        {
            return;
        }

        _fields[field].Merge(ratings);
    }

    public void Merge(BatchAudit other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Items += other.Items;
        Annotations += other.Annotations;
        foreach (var (role, count) in other._byRole)
        {
            _byRole[role] = _byRole.GetValueOrDefault(role) + count;
        }

        _annotators.UnionWith(other._annotators);
        foreach (var (field, ratings) in other._fields)
        {
            FieldRatings(field).Merge(ratings);
        }

        _spatial.Merge(other._spatial);
        _tagGold.Merge(other._tagGold);
        if (other._violations is not null)
        {
            _violations ??= new ViolationTally(other._violations.ExamplesPerRule);
            _violations.Merge(other._violations);
        }
    }

    /// <summary>The headline figures with nominal fields and the default bootstrap: what tests and callers without a header use.</summary>
    public BatchMetrics Metrics() => Finish(_ => FieldDeclaration.Nominal, new BootstrapOptions { Seed = DefaultSeed }).Metrics;

    /// <summary>Agreement on an object attribute is reported as the field <c>objects.{attribute}</c>.</summary>
    public const string ObjectAttributePrefix = "objects.";

    /// <summary>Seed of the alpha bootstrap unless a caller chooses one; reported with every interval.</summary>
    public const int DefaultSeed = 1;

    /// <summary>
    /// Starts the consensus geometry's bootstrap (<see cref="GeometricAlpha.StartBootstrap"/>) once every item is in, so
    /// that it runs beside <see cref="Finish"/>'s suites and what the caller does next; the spatial views take its interval.
    /// </summary>
    public void StartGeometryBootstrap(BootstrapOptions bootstrap)
    {
        if (!_spatial.IsEmpty)
        {
            _spatial.ConsensusGeometry.StartBootstrap(bootstrap);
        }
    }

    /// <summary>The batch's figures and every field's agreement suite, each field at its declared level.</summary>
    /// <exception cref="ArgumentException">A value does not fit its field's level (the readers reject such lines first).</exception>
    public BatchAuditResult Finish(Func<string, FieldDeclaration> declarationOf, BootstrapOptions bootstrap)
    {
        ArgumentNullException.ThrowIfNull(declarationOf);
        var suites = new SortedDictionary<string, FieldAgreementSuite>(StringComparer.Ordinal);
        var fields = new SortedDictionary<string, FieldAgreement>(StringComparer.Ordinal);
        // Tag fields by name, then object attributes over consensus objects as "objects.{attribute}": an attribute is
        // measured at the level the header declares for a field of its name (occlusion: ordinal, say).
        var units = _fields.Select(f => (Field: f.Key, Declared: f.Key, Ratings: f.Value))
            .Concat(_spatial.ConsensusAttributes.Select(a => (Field: ObjectAttributePrefix + a.Key, Declared: a.Key, Ratings: a.Value)));
        foreach (var (field, declared, ratings) in units)
        {
            var declaration = declarationOf(declared);
            var ordered = declaration.Level == MeasurementLevel.Ordinal ? declaration.Values : null;
            var suite = AgreementSuite.Compute(ratings, declaration.Level, ordered, bootstrap);
            var nominal = declaration.Level == MeasurementLevel.Nominal ? suite.Alpha : KrippendorffAlpha.Compute(ratings, MeasurementLevel.Nominal);
            suites[field] = suite;
            fields[field] = new FieldAgreement(suite.Alpha.Units, suite.Alpha.PairableValues, nominal.Value, suite.PercentAgreement)
            {
                Level = declaration.Level,
                KrippendorffAlpha = suite.Alpha.Value,
                AlphaLower = suite.AlphaInterval.Lower,
                AlphaUpper = suite.AlphaInterval.Upper,
            };
        }

        var weakest = fields.Where(f => !double.IsNaN(f.Value.KrippendorffAlpha))
            .OrderBy(f => f.Value.KrippendorffAlpha).ThenBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Key).FirstOrDefault();
        var metrics = new BatchMetrics(
            Items,
            _annotators.Count,
            Annotations,
            new SortedDictionary<string, long>(_byRole, StringComparer.Ordinal),
            fields.Values.Select(f => f.KrippendorffAlphaNominal).Where(a => !double.IsNaN(a)).DefaultIfEmpty(double.NaN).Min(),
            weakest,
            PooledPercentAgreement(fields.Values),
            fields)
        {
            KrippendorffAlpha = weakest is null ? double.NaN : fields[weakest].KrippendorffAlpha,
        };
        return new BatchAuditResult(metrics, suites, _spatial) { Violations = _violations, TagGold = _tagGold };
    }

    public BatchAuditState ToState() => new(
        Items,
        Annotations,
        new SortedDictionary<string, long>(_byRole, StringComparer.Ordinal),
        _annotators.ToList(),
        _fields.ToDictionary(f => f.Key, f => f.Value.ToState(), StringComparer.Ordinal))
    {
        Spatial = _spatial.IsEmpty ? null : _spatial.ToState(),
        Violations = _violations?.ToState(),
        TagGold = _tagGold.IsEmpty ? null : _tagGold.ToState(),
    };

    public static BatchAudit FromState(BatchAuditState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var audit = new BatchAudit { Items = state.Items, Annotations = state.Annotations };
        foreach (var (role, count) in state.AnnotationsByRole)
        {
            audit._byRole[role] = count;
        }

        audit._annotators.UnionWith(state.Annotators);
        foreach (var (field, ratings) in state.Fields)
        {
            audit._fields[field] = RatingPatterns.FromState(ratings);
        }

        if (state.Spatial is { } spatial)
        {
            audit._spatial = SpatialAudit.FromState(spatial);
        }

        if (state.Violations is { } violations)
        {
            audit._violations = ViolationTally.FromState(violations);
        }

        if (state.TagGold is { } tagGold)
        {
            audit._tagGold = TagGoldAudit.FromState(tagGold);
        }

        return audit;
    }

    public static string RoleName(AnnotatorRole role) => role switch
    {
        AnnotatorRole.Gold => "gold",
        AnnotatorRole.Reviewer => "reviewer",
        _ => "annotator",
    };

    /// <summary>Percent agreement over the pairable units of every field together: each unit weighs the same.</summary>
    private static double PooledPercentAgreement(IEnumerable<FieldAgreement> fields)
    {
        double sum = 0;
        long units = 0;
        foreach (var field in fields.Where(f => !double.IsNaN(f.PercentAgreement)))
        {
            sum += field.PercentAgreement * field.Units;
            units += field.Units;
        }

        return units == 0 ? double.NaN : sum / units;
    }

    private RatingPatterns FieldRatings(string field)
    {
        if (!_fields.TryGetValue(field, out var ratings))
        {
            ratings = new RatingPatterns();
            _fields[field] = ratings;
        }

        return ratings;
    }
}
