using System.Text.Json;

namespace Quality.Domain.Formats.JsonLines;

/// <summary>
/// The strings a JSON Lines file repeats on every line (property names, annotator ids, labels, the item of
/// consecutive lines), made once: a JSON string token whose UTF-8 bytes match a pooled entry returns that entry's
/// string instead of a new one. Direct-mapped and bounded (<see cref="Slots"/> entries of at most
/// <see cref="MaxBytes"/> bytes), so a file of unique ids only evicts; not thread-safe, one per reader.
/// </summary>
internal sealed class Utf8StringPool
{
    public const int Slots = 1024;

    public const int MaxBytes = 48;

    private readonly byte[] _keys = new byte[Slots * MaxBytes];
    private readonly byte[] _lengths = new byte[Slots];
    private readonly string?[] _strings = new string?[Slots];

    /// <summary>
    /// The current string token or property name, exactly as <see cref="Utf8JsonReader.GetString"/> returns it
    /// (and throws: an escaped, long or invalid value is not pooled but read by it).
    /// </summary>
    public string GetString(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxBytes)
        {
            return reader.GetString()!;
        }

        var bytes = reader.ValueSpan;
        var hash = new HashCode();
        hash.AddBytes(bytes);
        var slot = hash.ToHashCode() & (Slots - 1);
        var key = _keys.AsSpan(slot * MaxBytes, _lengths[slot]);
        if (_strings[slot] is { } pooled && key.SequenceEqual(bytes))
        {
            return pooled;
        }

        var value = reader.GetString()!;
        bytes.CopyTo(_keys.AsSpan(slot * MaxBytes));
        _lengths[slot] = (byte)bytes.Length;
        _strings[slot] = value;
        return value;
    }
}
