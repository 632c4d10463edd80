using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs once per string.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryString(out ReadOnlySpan<byte> text)
    {
        var rest = _data[(Position + 1)..];
        var end = PrintableUntilQuote(rest);
        if (end < 0)
        {
            text = default;
            return false;
        }

        text = rest[..end];
        Position += end + 2;
        return true;
    }

    /// <summary>
    /// Where the first quote in <paramref name="data"/> is, when every byte before it is printable ASCII other than a
    /// backslash; else −1. Sixteen bytes at a time in one pass (SSE2 compares, the native command's baseline), where two
    /// searches, for the quote and then for any other byte, cost two calls per string.
    /// </summary>
    private static int PrintableUntilQuote(ReadOnlySpan<byte> data)
    {
        var at = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var quote = Vector128.Create((byte)'"');
            var backslash = Vector128.Create((byte)'\\');
            var delete = Vector128.Create((byte)0x7F);
            // As signed bytes, a control byte is below the space and a non-ASCII one negative.
            var space = Vector128.Create((sbyte)0x20);
            ref var first = ref MemoryMarshal.GetReference(data);
            for (; at <= data.Length - Vector128<byte>.Count; at += Vector128<byte>.Count)
            {
                var bytes = Vector128.LoadUnsafe(ref first, (nuint)at);
                var quotes = Vector128.Equals(bytes, quote).ExtractMostSignificantBits();
                var others = (Vector128.Equals(bytes, backslash) | Vector128.Equals(bytes, delete)
                    | Vector128.LessThan(bytes.AsSByte(), space).AsByte()).ExtractMostSignificantBits();
                if (quotes != 0)
                {
                    var end = BitOperations.TrailingZeroCount(quotes);
                    return (others & ((1u << end) - 1)) == 0 ? at + end : -1;
                }

                if (others != 0)
                {
                    return -1;
                }
            }
        }

        for (; at < data.Length; at++)
        {
            switch (data[at])
            {
                case (byte)'"':
                    return at;
                case (byte)'\\' or < 0x20 or > 0x7E:
                    return -1;
            }
        }

        return -1;
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
