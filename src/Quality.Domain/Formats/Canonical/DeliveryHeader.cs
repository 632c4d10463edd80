namespace Quality.Domain.Formats.Canonical;

/// <summary>The first line of a canonical delivery: who delivered what, under which taxonomy.</summary>
public sealed record DeliveryHeader(
    string DeliveryId,
    string Pipeline,
    string Vendor,
    TaxonomyReference Taxonomy,
    IReadOnlyList<string> DataTypes)
{
    /// <summary>Declared frame-tag fields by name; a field not listed is nominal.</summary>
    public IReadOnlyDictionary<string, FieldDeclaration> Fields { get; init; } = new Dictionary<string, FieldDeclaration>(StringComparer.Ordinal);

    /// <summary>
    /// The batch whose review sample this delivery reviews: its reviewer labels are held against that batch's original
    /// labels and decide the lot (docs/sampling.md, "The review loop"); null for an ordinary delivery.
    /// </summary>
    public string? Reviews { get; init; }

    /// <summary>
    /// What the vendor says about how the delivery was made (site, shift, tool version, guideline version): string values
    /// by safe name, empty when the header has none. Each entry is a stratum <c>delivery.{name}</c> of the root-cause
    /// drill-down, so deliveries can be compared by it (docs/findings.md, "Where errors concentrate").
    /// </summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public FieldDeclaration Field(string name) => Fields.GetValueOrDefault(name) ?? FieldDeclaration.Nominal;

    /// <summary>
    /// Checks an annotation against the declarations: a tag's label against its field, an object's attributes against
    /// fields of the same name. Null when it fits; else the field to blame (<paramref name="labelField"/> for a tag's
    /// value, <c>attributes.{name}</c>) and the problem.
    /// </summary>
    public (string Field, string Problem)? Check(Annotations.Annotation annotation, string labelField = "label")
    {
        ArgumentNullException.ThrowIfNull(annotation);
        if (Fields.Count == 0)
        {
            return null;
        }

        if (annotation.IsTag)
        {
            return Fields.TryGetValue(annotation.Field, out var declaration) && declaration.Problem(annotation.Label) is { } problem
                ? (labelField, $"{problem}; field '{annotation.Field}'")
                : null;
        }

        if (annotation.Attributes is not { Count: > 0 } attributes)
        {
            return null;
        }

        foreach (var (name, value) in attributes)
        {
            if (Fields.TryGetValue(name, out var declaration) && declaration.Problem(value) is { } problem)
            {
                return ("attributes." + name, problem);
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="next"/> with every annotation checked by <see cref="Check"/>: for declarations the reader did not
    /// check itself (a taxonomy's, the command line's, a table that has no header).
    /// </summary>
    /// <exception cref="DeliveryFormatException">From the returned function: names the annotation's file, line and field.</exception>
    public Func<CancellationToken, ValueTask<Annotations.Annotation?>> Checking(
        Func<CancellationToken, ValueTask<Annotations.Annotation?>> next, string file, string labelField = "label") => async cancellationToken =>
    {
        var annotation = await next(cancellationToken);
        if (annotation is not null)
        {
            ThrowIfBroken(annotation, file, labelField);
        }

        return annotation;
    };

    /// <summary>Throws when <see cref="Check"/> finds a problem with <paramref name="annotation"/>.</summary>
    /// <exception cref="DeliveryFormatException">Names the annotation's file, line and field.</exception>
    public void ThrowIfBroken(Annotations.Annotation annotation, string file, string labelField = "label")
    {
        if (Check(annotation, labelField) is { } problem)
        {
            throw new DeliveryFormatException(annotation.SourceIn(file), annotation.Line, problem.Field, problem.Problem);
        }
    }
}

/// <summary>A taxonomy by name and semantic version, e.g. <c>driving@1.4.0</c>.</summary>
public sealed record TaxonomyReference(string Name, string Version)
{
    public override string ToString() => $"{Name}@{Version}";

    /// <summary>Reads <c>name@version</c> as <see cref="ToString"/> writes it.</summary>
    public static TaxonomyReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.LastIndexOf('@');
        return at > 0 ? new TaxonomyReference(text[..at], text[(at + 1)..]) : throw new FormatException($"'{text}' is not name@version");
    }
}
