using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Quality.Cli.Query;

/// <summary>
/// A <see cref="QueryResult"/> as the user asked for it: an aligned text table (figures to four decimals, numbers
/// right-aligned, NULL as <c>null</c>), JSON (an array of objects with every value exact) or CSV (RFC 4180, exact values).
/// </summary>
internal static class QueryOutput
{
    public static async Task WriteTextAsync(TextWriter output, QueryResult result)
    {
        var cells = result.Rows.Select(row => row.Select(v => Text(v, rounded: true)).ToArray()).ToList();
        var widths = result.Columns.Select((c, i) => Math.Max(c.Name.Length, cells.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        var numeric = result.Columns.Select((_, i) => result.Rows.Count > 0 && result.Rows.All(r => r[i] is null || IsNumber(r[i]!))).ToArray();
        await output.WriteLineAsync(Line(result.Columns.Select(c => c.Name).ToArray(), widths, numeric));
        await output.WriteLineAsync(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in cells)
        {
            await output.WriteLineAsync(Line(row, widths, numeric));
        }

        await output.WriteLineAsync(result.Rows.Count == 1 ? "(1 row)" : $"({result.Rows.Count} rows)");
    }

    public static async Task WriteJsonAsync(Stream output, QueryResult result, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var row in result.Rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < row.Length; i++)
            {
                json.WritePropertyName(result.Columns[i].Name);
                Json(json, row[i]);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
    }

    public static async Task WriteCsvAsync(TextWriter output, QueryResult result)
    {
        await output.WriteLineAsync(string.Join(',', result.Columns.Select(c => Csv(c.Name))));
        foreach (var row in result.Rows)
        {
            await output.WriteLineAsync(string.Join(',', row.Select(v => v is null ? "" : Csv(Text(v, rounded: false)))));
        }
    }

    private static string Line(string[] cells, int[] widths, bool[] numeric) =>
        string.Join("  ", cells.Select((c, i) => numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();

    private static bool IsNumber(object value) => value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal or System.Numerics.BigInteger;

    private static string Text(object? value, bool rounded) => value switch
    {
        null => rounded ? "null" : "",
        double d when rounded => d.ToString("0.####", CultureInfo.InvariantCulture),
        float f when rounded => f.ToString("0.####", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.TimeOfDay == TimeSpan.Zero ? time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : time.ToString("O", CultureInfo.InvariantCulture),
        string s => s,
        IDictionary or IList => JsonText(value),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string JsonText(object value)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Json(json, value);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Json(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case float f when float.IsFinite(f):
                json.WriteNumberValue(f);
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            case sbyte or byte or short or ushort or int or uint or long:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong or System.Numerics.BigInteger:
                json.WriteRawValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            case IDictionary map:
                json.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    json.WritePropertyName(Text(entry.Key, rounded: false));
                    Json(json, entry.Value);
                }

                json.WriteEndObject();
                break;
            case IList list:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    Json(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                // Dates, times, text; a non-finite double as its name ("NaN"), which JSON has no number for.
                json.WriteStringValue(Text(value, rounded: false));
                break;
        }
    }

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
