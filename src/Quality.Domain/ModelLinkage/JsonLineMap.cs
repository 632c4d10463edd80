using System.Text.Json;

namespace Quality.Domain.ModelLinkage;

/// <summary>
/// The line each member of a JSON document starts on, by its path (<c>classes.pedestrian.recall</c>,
/// <c>trainedOn.deliveries[2]</c>): a parsed <see cref="JsonDocument"/> keeps no positions, so errors about a value's
/// meaning look its line up here.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, long> _lines = new(StringComparer.Ordinal);

    private JsonLineMap()
    {
    }

    /// <exception cref="JsonException">The text is not JSON; <see cref="JsonException.LineNumber"/> (0-based) and <see cref="JsonException.Path"/> say where.</exception>
    public static JsonLineMap Of(byte[] utf8)
    {
        var map = new JsonLineMap();
        var newlines = new List<int>();
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }

        long LineAt(long offset)
        {
            var found = newlines.BinarySearch((int)offset);
            return (found >= 0 ? found : ~found) + 1;
        }

        var reader = new Utf8JsonReader(utf8);
        var path = new List<string>();
        var arrays = new Stack<int>(); // the next index of each open array; -1 for an object
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    var parent = string.Join("", path);
                    var key = parent.Length == 0 ? name : parent + "." + name;
                    map._lines[key] = LineAt(reader.TokenStartIndex);
                    path.Add(parent.Length == 0 ? name : "." + name);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    Element(map, path, arrays, LineAt(reader.TokenStartIndex));
                    arrays.Push(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    arrays.Pop();
                    Leave(path);
                    break;
                default:
                    Element(map, path, arrays, LineAt(reader.TokenStartIndex));
                    Leave(path);
                    break;
            }
        }

        return map;
    }

    /// <summary>The line of the member at <paramref name="path"/>, else of the nearest enclosing one that has a line; 1 for the document.</summary>
    public long Line(string path)
    {
        for (var p = path; p.Length > 0; p = p[..Math.Max(0, Math.Max(p.LastIndexOf('.'), p.LastIndexOf('[')))])
        {
            if (_lines.TryGetValue(p, out var line))
            {
                return line;
            }
        }

        return 1;
    }

    /// <summary>An array element opens a path segment <c>[i]</c> and records its line.</summary>
    private static void Element(JsonLineMap map, List<string> path, Stack<int> arrays, long line)
    {
        if (arrays.Count > 0 && arrays.Peek() >= 0)
        {
            var index = arrays.Pop();
            arrays.Push(index + 1);
            path.Add($"[{index}]");
            map._lines[string.Join("", path)] = line;
        }
    }

    /// <summary>A finished value closes its segment: a property's name, or an array element's index.</summary>
    private static void Leave(List<string> path)
    {
        if (path.Count > 0)
        {
            path.RemoveAt(path.Count - 1);
        }
    }
}
