using System.Globalization;
using Quality.Domain.Agreement;
using Quality.Domain.Formats.Canonical;

namespace Quality.Domain.Taxonomy;

/// <summary>
/// An object attribute or a frame-tag field: its level of measurement, its allowed values (nominal, ordinal; in order
/// for ordinal) or numeric range (interval, ratio), and — for attributes — the classes that must carry it (a class
/// named there covers its descendants).
/// </summary>
public sealed record TaxonomyField(string Name, MeasurementLevel Type)
{
    public string? Description { get; init; }

    public IReadOnlyList<string>? Values { get; init; }

    public ValueRange? Range { get; init; }

    public IReadOnlyList<string> RequiredFor { get; init; } = [];

    /// <summary>The declaration the agreement statistics take the level and value order from.</summary>
    public FieldDeclaration ToFieldDeclaration() => new(Type, Values);

    /// <summary>Why <paramref name="value"/> is not allowed, or null when it is.</summary>
    public string? Problem(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (ToFieldDeclaration().Problem(value) is { } problem)
        {
            return problem;
        }

        return Range is { } range
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && !range.Contains(number)
            ? $"'{value}' is outside the range {range}"
            : null;
    }
}
