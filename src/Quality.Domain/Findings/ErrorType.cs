namespace Quality.Domain.Findings;

/// <summary>The kind of error an observation counts; build it with <see cref="Confusion"/>, <see cref="Miss"/>, <see cref="TaxonomyRule"/> or <see cref="Tag"/>.</summary>
/// <param name="Kind">What is counted.</param>
/// <param name="ReferenceClass">The gold class (confusion, miss), or the gold value of a tag; null for taxonomy rules.</param>
/// <param name="Class">The class the annotator gave (confusion), the class a rule concerns, or the value tagged; null for misses and untagged values.</param>
/// <param name="Rule">The taxonomy rule broken; null unless <see cref="ErrorKind.TaxonomyRule"/>.</param>
public sealed record ErrorType(ErrorKind Kind, string? ReferenceClass, string? Class, string? Rule)
{
    /// <summary>The frame-tag field of a <see cref="ErrorKind.Tag"/> error; null for every other kind.</summary>
    public string? Field { get; init; }

    /// <summary>
    /// A stable key: <c>confusion:Wheelchair&gt;Pedestrian</c>, <c>miss:Car</c>, <c>rule:unknown-class:Car</c>,
    /// <c>rule:unknown-class</c>, <c>tag:weather:fog&gt;rain</c> or <c>tag:weather:fog&gt;missing</c>.
    /// </summary>
    public string Key => Kind switch
    {
        ErrorKind.Confusion => $"confusion:{ReferenceClass}>{Class}",
        ErrorKind.Miss => $"miss:{ReferenceClass}",
        ErrorKind.Tag => $"tag:{Field}:{ReferenceClass}>{Class ?? "missing"}",
        _ => Class is null ? $"rule:{Rule}" : $"rule:{Rule}:{Class}",
    };

    /// <summary>The classes involved: reference then labeled class for a confusion, the class otherwise; none for a tag (its values are no object classes).</summary>
    public IReadOnlyList<string> Classes => Kind == ErrorKind.Tag
        ? []
        : [.. new[] { ReferenceClass, Class }.Where(c => c is not null).Select(c => c!)];

    /// <summary>Reference objects of <paramref name="referenceClass"/> labeled as <paramref name="labeledAs"/>.</summary>
    public static ErrorType Confusion(string referenceClass, string labeledAs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(referenceClass);
        ArgumentException.ThrowIfNullOrWhiteSpace(labeledAs);
        return new ErrorType(ErrorKind.Confusion, referenceClass, labeledAs, null);
    }

    /// <summary>Reference objects of <paramref name="referenceClass"/> not labeled.</summary>
    public static ErrorType Miss(string referenceClass)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(referenceClass);
        return new ErrorType(ErrorKind.Miss, referenceClass, null, null);
    }

    /// <summary>Labels breaking taxonomy rule <paramref name="rule"/>, optionally on one class.</summary>
    public static ErrorType TaxonomyRule(string rule, string? @class = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rule);
        return new ErrorType(ErrorKind.TaxonomyRule, null, @class, rule);
    }

    /// <summary>Gold items whose <paramref name="field"/> is <paramref name="goldValue"/>, tagged <paramref name="taggedAs"/> (null: left untagged).</summary>
    public static ErrorType Tag(string field, string goldValue, string? taggedAs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ArgumentException.ThrowIfNullOrWhiteSpace(goldValue);
        return new ErrorType(ErrorKind.Tag, goldValue, taggedAs, null) { Field = field };
    }

    /// <summary>
    /// A short phrase for statements: "Wheelchair labeled as Pedestrian", "Car missed", "taxonomy rule unknown-class on
    /// Car", "tag weather: gold fog tagged rain", "tag weather: gold fog left untagged".
    /// </summary>
    public string Describe() => Kind switch
    {
        ErrorKind.Confusion => $"{ReferenceClass} labeled as {Class}",
        ErrorKind.Miss => $"{ReferenceClass} missed",
        ErrorKind.Tag => Class is null ? $"tag {Field}: gold {ReferenceClass} left untagged" : $"tag {Field}: gold {ReferenceClass} tagged {Class}",
        _ => Class is null ? $"taxonomy rule {Rule}" : $"taxonomy rule {Rule} on {Class}",
    };
}
