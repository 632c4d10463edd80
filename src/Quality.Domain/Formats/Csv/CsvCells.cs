using System.Text;

namespace Quality.Domain.Formats.Csv;

/// <summary>
/// Splits one CSV line into cells, RFC 4180 quoting: a cell may be quoted, a quote inside doubled; a quoted cell may not
/// span lines. Shared by every CSV reader so they quote alike.
/// </summary>
internal static class CsvCells
{
    /// <summary>The separators a table may use, in the order they are tried on its header.</summary>
    public static readonly IReadOnlyList<char> Separators = [',', '\t'];

    /// <summary>Separators other tools write that a table here may not use, with how to name them.</summary>
    private static readonly (char Separator, string Name)[] Foreign = [(';', "';'"), ('|', "'|'")];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The header's separator: a comma, else a tab.</summary>
    /// <exception cref="DeliveryFormatException">The header is separated by something else (Excel in many locales writes ';'): says how to save it.</exception>
    public static char SeparatorOf(string header, string file, long line)
    {
        ArgumentNullException.ThrowIfNull(header);
        foreach (var separator in Separators)
        {
            if (header.Contains(separator, StringComparison.Ordinal))
            {
                return separator;
            }
        }

        foreach (var (separator, name) in Foreign)
        {
            if (header.Contains(separator, StringComparison.Ordinal))
            {
                throw new DeliveryFormatException(file, line, null,
                    $"the header is separated by {name}, not commas; save the table comma-separated (Excel: 'CSV UTF-8 (Comma delimited)') or tab-separated");
            }
        }

        return ',';
    }

    /// <summary>A line's text.</summary>
    /// <exception cref="DeliveryFormatException">Not UTF-8, as a table saved in a Windows code page is: says how to save it.</exception>
    public static string Decode(ReadOnlySpan<byte> utf8, string file, long line)
    {
        try
        {
            return StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException ex)
        {
            throw new DeliveryFormatException(file, line, null,
                $"is not valid UTF-8 at byte {ex.Index} of the line; save the table as UTF-8 (Excel: 'CSV UTF-8 (Comma delimited)', not 'CSV (Comma delimited)', which writes the Windows code page)", ex);
        }
    }

    /// <summary>A row of separators only, as spreadsheets write below a table: no data, read as a blank line.</summary>
    public static bool IsEmptyRow(IReadOnlyList<string> cells) => cells.All(cell => cell.Length == 0);

    /// <exception cref="DeliveryFormatException">An unclosed quote or text after a closing quote; names the line and the column.</exception>
    public static List<string> Split(string text, char separator, string file, long line, Func<int, string?> column)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var i = 0;
        while (true)
        {
            cell.Clear();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new DeliveryFormatException(file, line, column(cells.Count), "a quoted value is not closed on its line");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            cell.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    cell.Append(text[i++]);
                }

                if (i < text.Length && text[i] != separator)
                {
                    throw new DeliveryFormatException(file, line, column(cells.Count), "unexpected text after a closing quote");
                }
            }
            else
            {
                var end = text.IndexOf(separator, i);
                cell.Append(text, i, (end < 0 ? text.Length : end) - i);
                i = end < 0 ? text.Length : end;
            }

            cells.Add(cell.ToString());
            if (i >= text.Length)
            {
                return cells;
            }

            i++; // the separator
        }
    }
}
