using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
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
    public const int Slots = 1 << SlotBits;

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
        var slot = Slot(bytes);
        return Pooled(slot, bytes) ?? Pool(slot, bytes, reader.GetString()!);
    }

    /// <summary>ASCII text (such as a number's digits) as a string, pooled like string tokens.</summary>
    public string GetAscii(ReadOnlySpan<byte> ascii)
    {
        if (ascii.Length > MaxBytes)
        {
            return System.Text.Encoding.ASCII.GetString(ascii);
        }

        var slot = Slot(ascii);
        return Pooled(slot, ascii) ?? Pool(slot, ascii, System.Text.Encoding.ASCII.GetString(ascii));
    }

    /// <summary>The pooled string of <paramref name="bytes"/>, if there is one; no string is made.</summary>
    public bool TryGet(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out string? value)
    {
        value = bytes.Length <= MaxBytes ? Pooled(Slot(bytes), bytes) : null;
        return value is not null;
    }

    /// <summary>Pools <paramref name="value"/> as the string of <paramref name="bytes"/>, evicting its slot's entry; longer bytes are not pooled.</summary>
    public void Add(ReadOnlySpan<byte> bytes, string value)
    {
        if (bytes.Length <= MaxBytes)
        {
            Pool(Slot(bytes), bytes, value);
        }
    }

    private string? Pooled(int slot, ReadOnlySpan<byte> bytes) =>
        _strings[slot] is { } pooled && _keys.AsSpan(slot * MaxBytes, _lengths[slot]).SequenceEqual(bytes) ? pooled : null;

    private string Pool(int slot, ReadOnlySpan<byte> bytes, string value)
    {
        bytes.CopyTo(_keys.AsSpan(slot * MaxBytes));
        _lengths[slot] = (byte)bytes.Length;
        _strings[slot] = value;
        return value;
    }

    /// <summary>
    /// A slot from the length and the first and last eight bytes (all bytes of the ids up to 16 long that most lines
    /// carry), multiplied through: a full hash of every token was a tenth of the parser's time. Equal bytes always
    /// meet in one slot; a collision only evicts.
    /// </summary>
    private static int Slot(ReadOnlySpan<byte> bytes)
    {
        ulong first, last;
        if (bytes.Length >= sizeof(ulong))
        {
            first = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            last = BinaryPrimitives.ReadUInt64LittleEndian(bytes[^sizeof(ulong)..]);
        }
        else
        {
            first = 0;
            foreach (var b in bytes)
            {
                first = (first << 8) | b;
            }

            last = 0;
        }

        var hash = ((first * 0x9E3779B97F4A7C15) ^ (last + (ulong)bytes.Length)) * 0xC2B2AE3D27D4EB4F;
        return (int)(hash >> (64 - SlotBits));
    }

    private const int SlotBits = 10;
}
