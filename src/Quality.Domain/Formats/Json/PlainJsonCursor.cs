using System.Runtime.CompilerServices;
using Quality.Domain.Formats.JsonLines;

namespace Quality.Domain.Formats.Json;

/// <summary>
/// Steps through the tokens of plain JSON in a span, byte by byte, for an <see cref="IJsonElementScanner.ScanPlain"/>
/// that reads a record of its usual shape without <see cref="System.Text.Json.Utf8JsonReader"/>: strings of printable
/// ASCII without escapes, numbers, the literals, and punctuation. Each step checks the JSON grammar of what it takes;
/// anything else (an escape, a control or non-ASCII byte, the data's end) is a false, and the caller leaves the
/// record to the reader, which gives every error.
/// </summary>
internal ref struct PlainJsonCursor(ReadOnlySpan<byte> data, int position)
{
    private readonly ReadOnlySpan<byte> _data = data;

    /// <summary>The next byte to read, from the data's start.</summary>
    public int Position { get; private set; } = position;

    /// <summary>The next byte after white space (the cursor is moved past it), or 0 at the data's end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte Peek()
    {
        var at = Position;
        while ((uint)at < (uint)_data.Length)
        {
            var b = _data[at];
            if (!IsWhiteSpace(b))
            {
                Position = at;
                return b;
            }

            at++;
        }

        Position = at;
        return 0;
    }

    /// <summary>Takes <paramref name="punctuation"/> after white space; false when another byte comes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Take(byte punctuation)
    {
        if (Peek() != punctuation)
        {
            return false;
        }

        Position++;
        return true;
    }

    /// <summary>A string (the cursor on its opening quote) of printable ASCII without escapes: its characters, without the quotes.</summary>
    public bool TryString(out ReadOnlySpan<byte> text)
    {
        var rest = _data[(Position + 1)..];
        // Two searches that compile to plain vector compares: a set of bytes would be a shuffle, which the native
        // command's baseline instruction set (x86-64 v1) emulates.
        var end = rest.IndexOfAny((byte)'"', (byte)'\\');
        if (end < 0 || rest[end] != (byte)'"' || rest[..end].ContainsAnyExceptInRange((byte)0x20, (byte)0x7E))
        {
            text = default;
            return false;
        }

        text = rest[..end];
        Position += end + 2;
        return true;
    }

    /// <summary>
    /// A number (the cursor on its first byte): <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>, followed by a
    /// byte that may end it (white space or <c>,]}</c>); its text, and its value when <paramref name="isDecided"/>
    /// (read in the same pass, <see cref="JsonNumberParser.Read"/>; else <see cref="JsonNumberParser.TryGetFinite"/>
    /// reads it from its text).
    /// </summary>
    public bool TryNumber(out ReadOnlySpan<byte> number, out double value, out bool isDecided)
    {
        number = default;
        var rest = _data[Position..];
        var length = JsonNumberParser.Read(rest, out value, out isDecided);
        if (length == 0 || !EndsValue(At(Position + length)))
        {
            return false;
        }

        number = rest[..length];
        Position += length;
        return true;
    }

    /// <summary><c>true</c>, <c>false</c> or <c>null</c> (the cursor on its first byte), followed by a byte that may end it.</summary>
    public bool TryLiteral() => Peek() switch
    {
        (byte)'t' => TryLiteral("true"u8),
        (byte)'f' => TryLiteral("false"u8),
        (byte)'n' => TryLiteral("null"u8),
        _ => false,
    };

    private bool TryLiteral(ReadOnlySpan<byte> literal)
    {
        var end = Position + literal.Length;
        if (!_data[Position..].StartsWith(literal) || !EndsValue(At(end)))
        {
            return false;
        }

        Position = end;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWhiteSpace(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t';

    /// <summary>A byte that may follow a number or a literal: white space, or the punctuation after a value.</summary>
    private static bool EndsValue(byte b) => IsWhiteSpace(b) || b is (byte)',' or (byte)']' or (byte)'}';

    /// <summary>The byte at <paramref name="at"/>, or 0 past the data's end (no JSON token has a 0 byte).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly byte At(int at) => (uint)at < (uint)_data.Length ? _data[at] : (byte)0;
}
