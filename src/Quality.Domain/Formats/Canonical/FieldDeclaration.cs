using System.Globalization;
using Quality.Domain.Agreement;

namespace Quality.Domain.Formats.Canonical;

/// <summary>
/// How a frame-tag field's values are measured, declared in the delivery header (<c>"fields"</c>) until the taxonomy
/// supplies it. Undeclared fields are nominal. The level chooses the agreement statistics' difference function; an
/// ordinal field's <see cref="Values"/> give the order, a nominal field's the allowed values.
/// </summary>
public sealed record FieldDeclaration(MeasurementLevel Level, IReadOnlyList<string>? Values = null)
{
    public static readonly FieldDeclaration Nominal = new(MeasurementLevel.Nominal);

    /// <summary>Why <paramref name="label"/> cannot be a value of this field, or null when it can.</summary>
    public string? Problem(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (Values is { } values && !Contains(values, label))
        {
            return $"'{label}' is not one of the declared values {string.Join(", ", values)}";
        }

        return Level switch
        {
            MeasurementLevel.Interval when !IsFinite(label, out _) => $"'{label}' is not a number (the field is interval)",
            MeasurementLevel.Ratio when !IsFinite(label, out var v) || v < 0 => $"'{label}' is not a number ≥ 0 (the field is ratio)",
            _ => null,
        };
    }

    /// <summary>An ordinal search by index: checked on every declared tag and attribute at ingest, without an enumerator.</summary>
    private static bool Contains(IReadOnlyList<string> values, string label)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], label, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFinite(string label, out double value) =>
        double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
