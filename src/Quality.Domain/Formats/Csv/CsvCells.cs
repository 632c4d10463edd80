using System.Text;

namespace Quality.Domain.Formats.Csv;

/// <summary>
/// Splits one CSV line into cells, RFC 4180 quoting: a cell may be quoted, a quote inside doubled; a quoted cell may not
/// span lines. Shared by every CSV reader so they quote alike.
/// </summary>
internal static class CsvCells
{
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
