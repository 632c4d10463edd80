using System.Globalization;

namespace Quality.Domain.Agreement;

/// <summary>
/// Maps a field's distinct string values to points of its measurement level: distinct points in ascending order, each
/// with a coordinate (the number for interval and ratio, the order index for nominal and ordinal).
/// </summary>
internal sealed class ValueScale
{
    private readonly int[] _pointOf;

    private ValueScale(MeasurementLevel level, int[] pointOf, double[] coordinates, string[] labels)
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

    /// <summary>The point of the value at <paramref name="index"/> in the list the scale was made from.</summary>
    public int PointOf(int index) => _pointOf[index];

    /// <summary>The scale of the <paramref name="values"/> at <paramref name="level"/>.</summary>
    /// <param name="values">Distinct values; <see cref="PointOf"/> takes positions in this list.</param>
    /// <param name="orderedValues">Ordinal only: the value domain in ascending order; every value must be in it.</param>
    /// <exception cref="ArgumentException">
    /// A value is not an invariant-culture finite number (interval, ratio), is negative (ratio), or is outside the
    /// ordered domain; or a domain is given for another level than ordinal, or repeats a value. The value named is the
    /// first offender in ordinal order.
    /// </exception>
    public static ValueScale For(IReadOnlyList<string> values, MeasurementLevel level, IReadOnlyList<string>? orderedValues)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (orderedValues is not null && level != MeasurementLevel.Ordinal)
        {
            throw new ArgumentException($"an ordered value domain applies to ordinal data only, not {level}", nameof(orderedValues));
        }

        return level switch
        {
            MeasurementLevel.Nominal => Categories(level, values),
            MeasurementLevel.Ordinal when orderedValues is not null => Domain(values, orderedValues),
            MeasurementLevel.Ordinal when values.All(v => TryParse(v, out _)) => Numbers(level, values),
            MeasurementLevel.Ordinal => Categories(level, values),
            MeasurementLevel.Interval or MeasurementLevel.Ratio => Numbers(level, values),
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "unknown measurement level"),
        };
    }

    private static ValueScale Categories(MeasurementLevel level, IReadOnlyList<string> values)
    {
        var order = RatingPatterns.OrdinalOrder(values);
        var pointOf = new int[values.Count];
        var labels = new string[order.Length];
        var coordinates = new double[order.Length];
        for (var point = 0; point < order.Length; point++)
        {
            pointOf[order[point]] = point;
            labels[point] = values[order[point]];
            coordinates[point] = point;
        }

        return new ValueScale(level, pointOf, coordinates, labels);
    }

    private static ValueScale Domain(IReadOnlyList<string> values, IReadOnlyList<string> domain)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in domain)
        {
            if (!index.TryAdd(value, index.Count))
            {
                throw new ArgumentException($"the ordered value domain lists '{value}' twice", nameof(domain));
            }
        }

        var pointOf = new int[values.Count];
        string? outside = null;
        for (var v = 0; v < values.Count; v++)
        {
            if (!index.TryGetValue(values[v], out pointOf[v]) && (outside is null || string.CompareOrdinal(values[v], outside) < 0))
            {
                outside = values[v];
            }
        }

        return outside is null
            ? new ValueScale(MeasurementLevel.Ordinal, pointOf, Enumerable.Range(0, domain.Count).Select(i => (double)i).ToArray(), [.. domain])
            : throw new ArgumentException($"value '{outside}' is not in the ordered value domain", nameof(domain));
    }

    private static ValueScale Numbers(MeasurementLevel level, IReadOnlyList<string> values)
    {
        var numbers = new double[values.Count];
        string? invalid = null;
        for (var v = 0; v < numbers.Length; v++)
        {
            var valid = TryParse(values[v], out numbers[v]) && !(level == MeasurementLevel.Ratio && numbers[v] < 0);
            if (!valid && (invalid is null || string.CompareOrdinal(values[v], invalid) < 0))
            {
                invalid = values[v];
            }
        }

        if (invalid is not null)
        {
            throw new ArgumentException(
                TryParse(invalid, out _)
                    ? $"value '{invalid}' is negative; ratio alpha needs values ≥ 0"
                    : $"value '{invalid}' is not an invariant-culture number; {level} alpha needs numbers",
                nameof(values));
        }

        var order = new int[numbers.Length];
        for (var v = 0; v < order.Length; v++)
        {
            order[v] = v;
        }

        Array.Sort((double[])numbers.Clone(), order);
        var pointOf = new int[numbers.Length];
        var coordinates = new List<double>();
        var labels = new List<string>();
        foreach (var v in order)
        {
            if (coordinates.Count == 0 || coordinates[^1] != numbers[v])
            {
                coordinates.Add(numbers[v]);
                labels.Add(values[v]);
            }
            else if (string.CompareOrdinal(values[v], labels[^1]) < 0)
            {
                // Several strings of one number: the label is the ordinal-first.
                labels[^1] = values[v];
            }

            pointOf[v] = coordinates.Count - 1;
        }

        return new ValueScale(level, pointOf, coordinates.ToArray(), labels.ToArray());
    }

    private static bool TryParse(string value, out double number) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
}
