using Quality.Domain.Formats;

namespace Quality.Domain.Spc.Series;

/// <summary>Where the columns of a series CSV are, from its header, and how a row becomes a <see cref="SeriesPoint"/>.</summary>
internal sealed class SeriesCsvColumns
{
    private readonly string _file;
    private readonly ChartKind _chart;
    private readonly int _count = -1, _size = -1, _value = -1, _label, _phase, _cause;
    private readonly int _needed;

    public SeriesCsvColumns(IReadOnlyList<string> names, string file, long line, ChartKind chart)
    {
        _file = file;
        _chart = chart;
        _label = IndexOf(names, "label");
        _phase = IndexOf(names, "phase");
        _cause = IndexOf(names, "cause");
        if (chart.IsAttribute())
        {
            _count = Find(names, "count", line);
            _size = Find(names, "n", line);
        }
        else
        {
            _value = Find(names, "value", line);
        }

        _needed = new[] { _count, _size, _value, _label, _phase, _cause }.Max() + 1;
    }

    public SeriesPoint Read(IReadOnlyList<string> cells, long line, int position)
    {
        if (cells.Count < _needed)
        {
            throw new DeliveryFormatException(_file, line, null, $"has {cells.Count} columns; the header needs at least {_needed}");
        }

        var label = _label >= 0 && cells[_label].Trim().Length > 0 ? cells[_label].Trim() : position.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var phase = _phase >= 0 ? cells[_phase].Trim() : "";
        var cause = _cause >= 0 && cells[_cause].Trim().Length > 0 ? cells[_cause].Trim() : null;
        if (_value >= 0)
        {
            return new SeriesPoint(label, null, null, SeriesCsvReader.Number(cells[_value], _file, line, "value"), phase) { AssignableCause = cause };
        }

        var n = SeriesCsvReader.Number(cells[_size], _file, line, "n");
        if (!(n > 0))
        {
            throw new DeliveryFormatException(_file, line, "n", $"{cells[_size].Trim()} must be greater than 0");
        }

        var count = SeriesCsvReader.Number(cells[_count], _file, line, "count");
        if (count < 0)
        {
            throw new DeliveryFormatException(_file, line, "count", $"{cells[_count].Trim()} must not be negative");
        }

        if (_chart.IsProportion() && count > n)
        {
            throw new DeliveryFormatException(_file, line, "count", $"{cells[_count].Trim()} exceeds n = {cells[_size].Trim()}; a {_chart.ToName()} chart counts items out of n");
        }

        return new SeriesPoint(label, count, n, null, phase) { AssignableCause = cause };
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private int Find(IReadOnlyList<string> names, string name, long line)
    {
        var index = IndexOf(names, name);
        return index >= 0
            ? index
            : throw new DeliveryFormatException(_file, line, name,
                $"missing column; a {_chart.ToName()} chart needs {SeriesCsvReader.Required(_chart)} (header: {string.Join(',', names)})");
    }
}
