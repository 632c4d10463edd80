using System.Globalization;

namespace Quality.Domain.Agreement;

/// <summary>
/// Maps a field's string values to points of its measurement level: distinct points in ascending order, each with a
/// coordinate (the number for interval and ratio, the order index for nominal and ordinal).
/// </summary>
internal sealed class ValueScale
{
    private readonly Dictionary<string, int> _pointOf;

    private ValueScale(MeasurementLevel level, Dictionary<string, int> pointOf, double[] coordinates, string[] labels)
    {
        Level = level;
        _pointOf = pointOf;
        Coordinates = coordinates;
        Labels = labels;
    }

    public MeasurementLevel Level { get; }

    /// <summary>Per point, ascending: the number (interval, ratio) or the order index (nominal, ordinal).</summary>
    public IReadOnlyList<double> Coordinates { get; }

    /// <summary>Per point, the first of its values in ordinal string order (several strings may parse to one number).</summary>
    public IReadOnlyList<string> Labels { get; }

    public int PointOf(string value) => _pointOf[value];

    /// <summary>The scale of <paramref name="values"/> at <paramref name="level"/>.</summary>
    /// <param name="orderedValues">Ordinal only: the value domain in ascending order; every value must be in it.</param>
    /// <exception cref="ArgumentException">
    /// A value is not an invariant-culture finite number (interval, ratio), is negative (ratio), or is outside the
    /// ordered domain; or a domain is given for another level than ordinal, or repeats a value.
    /// </exception>
    public static ValueScale For(IEnumerable<string> values, MeasurementLevel level, IReadOnlyList<string>? orderedValues)
    {
        ArgumentNullException.ThrowIfNull(values);
        var distinct = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (orderedValues is not null && level != MeasurementLevel.Ordinal)
        {
            throw new ArgumentException($"an ordered value domain applies to ordinal data only, not {level}", nameof(orderedValues));
        }

        return level switch
        {
            MeasurementLevel.Nominal => Categories(level, distinct),
            MeasurementLevel.Ordinal when orderedValues is not null => Domain(distinct, orderedValues),
            MeasurementLevel.Ordinal when distinct.All(v => TryParse(v, out _)) => Numbers(level, distinct),
            MeasurementLevel.Ordinal => Categories(level, distinct),
            MeasurementLevel.Interval or MeasurementLevel.Ratio => Numbers(level, distinct),
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "unknown measurement level"),
        };
    }

    private static ValueScale Categories(MeasurementLevel level, string[] ordered) => new(
        level,
        ordered.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal),
        ordered.Select((_, i) => (double)i).ToArray(),
        ordered);

    private static ValueScale Domain(string[] distinct, IReadOnlyList<string> domain)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in domain)
        {
            if (!index.TryAdd(value, index.Count))
            {
                throw new ArgumentException($"the ordered value domain lists '{value}' twice", nameof(domain));
            }
        }

        var outside = distinct.FirstOrDefault(v => !index.ContainsKey(v));
        return outside is null
            ? Categories(MeasurementLevel.Ordinal, domain.ToArray())
            : throw new ArgumentException($"value '{outside}' is not in the ordered value domain", nameof(domain));
    }

    private static ValueScale Numbers(MeasurementLevel level, string[] distinct)
    {
        var parsed = new (string Value, double Number)[distinct.Length];
        for (var i = 0; i < distinct.Length; i++)
        {
            if (!TryParse(distinct[i], out var number))
            {
                throw new ArgumentException($"value '{distinct[i]}' is not an invariant-culture number; {level} alpha needs numbers", nameof(distinct));
            }

            if (level == MeasurementLevel.Ratio && number < 0)
            {
                throw new ArgumentException($"value '{distinct[i]}' is negative; ratio alpha needs values ≥ 0", nameof(distinct));
            }

            parsed[i] = (distinct[i], number);
        }

        // Stable sort: several strings of one number keep ordinal order, so the label is the ordinal-first.
        var ordered = parsed.OrderBy(p => p.Number).ToArray();
        var pointOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var coordinates = new List<double>();
        var labels = new List<string>();
        foreach (var (value, number) in ordered)
        {
            if (coordinates.Count == 0 || coordinates[^1] != number)
            {
                coordinates.Add(number);
                labels.Add(value);
            }

            pointOf[value] = coordinates.Count - 1;
        }

        return new ValueScale(level, pointOf, coordinates.ToArray(), labels.ToArray());
    }

    private static bool TryParse(string value, out double number) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
}
