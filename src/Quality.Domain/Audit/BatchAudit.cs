using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Formats;

namespace Quality.Domain.Audit;

/// <summary>
/// The mergeable audit of a batch (or of one shard of it): counts, and nominal agreement per frame-tag field.
/// Items are added whole, so a shard that holds an item holds all of its annotations.
/// </summary>
public sealed class BatchAudit
{
    private readonly SortedDictionary<string, long> _byRole = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _annotators = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, CoincidenceMatrix> _fields = new(StringComparer.Ordinal);

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
                throw new DeliveryFormatException(file, annotation.Line, "field",
                    $"annotator '{annotation.Annotator}' already tagged '{annotation.Field}' of item '{annotation.Item}' " +
                    $"on line {byAnnotator[annotation.Annotator].Line}; one value per annotator, item and field");
            }
        }

        foreach (var (field, byAnnotator) in tagsByField)
        {
            FieldMatrix(field).AddUnit(byAnnotator.Values.Select(a => a.Label).ToList());
        }
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
        foreach (var (field, matrix) in other._fields)
        {
            FieldMatrix(field).Merge(matrix);
        }
    }

    /// <summary>The figures of the batch as it stands.</summary>
    public BatchMetrics Metrics()
    {
        var fields = _fields.ToDictionary(
            f => f.Key,
            f => new FieldAgreement(f.Value.Units, f.Value.PairableValues, f.Value.KrippendorffAlphaNominal(), f.Value.PercentAgreement()),
            StringComparer.Ordinal);
        var weakest = fields.Where(f => !double.IsNaN(f.Value.KrippendorffAlphaNominal))
            .OrderBy(f => f.Value.KrippendorffAlphaNominal).ThenBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Key).FirstOrDefault();
        var pooled = new CoincidenceMatrix();
        foreach (var matrix in _fields.Values)
        {
            pooled.Merge(matrix);
        }

        return new BatchMetrics(
            Items,
            _annotators.Count,
            Annotations,
            new SortedDictionary<string, long>(_byRole, StringComparer.Ordinal),
            weakest is null ? double.NaN : fields[weakest].KrippendorffAlphaNominal,
            weakest,
            PooledPercentAgreement(),
            fields);
    }

    public BatchAuditState ToState() => new(
        Items,
        Annotations,
        new SortedDictionary<string, long>(_byRole, StringComparer.Ordinal),
        _annotators.ToList(),
        _fields.ToDictionary(f => f.Key, f => f.Value.ToState(), StringComparer.Ordinal));

    public static BatchAudit FromState(BatchAuditState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var audit = new BatchAudit { Items = state.Items, Annotations = state.Annotations };
        foreach (var (role, count) in state.AnnotationsByRole)
        {
            audit._byRole[role] = count;
        }

        audit._annotators.UnionWith(state.Annotators);
        foreach (var (field, matrix) in state.Fields)
        {
            audit._fields[field] = CoincidenceMatrix.FromState(matrix);
        }

        return audit;
    }

    public static string RoleName(AnnotatorRole role) => role switch
    {
        AnnotatorRole.Gold => "gold",
        AnnotatorRole.Reviewer => "reviewer",
        _ => "annotator",
    };

    /// <summary>Percent agreement over the units of every field together: each unit weighs the same.</summary>
    private double PooledPercentAgreement()
    {
        double sum = 0;
        long units = 0;
        foreach (var matrix in _fields.Values)
        {
            var pa = matrix.PercentAgreement();
            if (!double.IsNaN(pa))
            {
                sum += pa * matrix.Units;
                units += matrix.Units;
            }
        }

        return units == 0 ? double.NaN : sum / units;
    }

    private CoincidenceMatrix FieldMatrix(string field)
    {
        if (!_fields.TryGetValue(field, out var matrix))
        {
            matrix = new CoincidenceMatrix();
            _fields[field] = matrix;
        }

        return matrix;
    }
}
