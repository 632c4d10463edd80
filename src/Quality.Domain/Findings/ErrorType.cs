namespace Quality.Domain.Findings;

/// <summary>The kind of error an observation counts; build it with <see cref="Confusion"/>, <see cref="Miss"/> or <see cref="TaxonomyRule"/>.</summary>
/// <param name="Kind">What is counted.</param>
/// <param name="ReferenceClass">The gold class (confusion, miss); null for taxonomy rules.</param>
/// <param name="Class">The class the annotator gave (confusion), or the class a rule concerns; null for misses.</param>
/// <param name="Rule">The taxonomy rule broken; null unless <see cref="ErrorKind.TaxonomyRule"/>.</param>
public sealed record ErrorType(ErrorKind Kind, string? ReferenceClass, string? Class, string? Rule)
{
    /// <summary>A stable key: <c>confusion:Wheelchair&gt;Pedestrian</c>, <c>miss:Car</c>, <c>rule:unknown-class:Car</c> or <c>rule:unknown-class</c>.</summary>
    public string Key => Kind switch
    {
        ErrorKind.Confusion => $"confusion:{ReferenceClass}>{Class}",
        ErrorKind.Miss => $"miss:{ReferenceClass}",
        _ => Class is null ? $"rule:{Rule}" : $"rule:{Rule}:{Class}",
    };

    /// <summary>The classes involved: reference then labeled class for a confusion, the class otherwise.</summary>
    public IReadOnlyList<string> Classes =>
        [.. new[] { ReferenceClass, Class }.Where(c => c is not null).Select(c => c!)];

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

    /// <summary>A short phrase for statements: "Wheelchair labeled as Pedestrian", "Car missed", "taxonomy rule unknown-class on Car".</summary>
    public string Describe() => Kind switch
    {
        ErrorKind.Confusion => $"{ReferenceClass} labeled as {Class}",
        ErrorKind.Miss => $"{ReferenceClass} missed",
        _ => Class is null ? $"taxonomy rule {Rule}" : $"taxonomy rule {Rule} on {Class}",
    };
}
