using System.Text;

namespace Quality.Domain.Formats.Json;

/// <summary>
/// Cheap signatures for recognising a JSON export from its first bytes, without parsing (the head may end anywhere):
/// the root's first character and the property names that occur.
/// </summary>
internal static class JsonHead
{
    /// <summary>The first character of the document, after a byte order mark and white space; 0 for none.</summary>
    public static byte Root(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        var text = head.TrimStart(" \t\r\n"u8);
        return text.IsEmpty ? (byte)0 : text[0];
    }

    /// <summary>Whether <c>"name"</c> occurs as a property name (followed by a colon), not just as a value.</summary>
    public static bool HasProperty(ReadOnlySpan<byte> head, string name)
    {
        var quoted = Encoding.UTF8.GetBytes($"\"{name}\"");
        while (head.IndexOf(quoted) is var at and >= 0)
        {
            head = head[(at + quoted.Length)..];
            if (head.TrimStart(" \t\r\n"u8) is [(byte)':', ..])
            {
                return true;
            }
        }

        return false;
    }
}
