using System.Runtime.CompilerServices;
using System.Text;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Json;
using Quality.Domain.Formats.JsonLines;

namespace Quality.Domain.Formats.NuScenes;

/// <summary>
/// The scan of a box of the usual shape, byte by byte (<see cref="IJsonElementScanner.ScanPlain"/>): it finds what
/// <see cref="Scan"/> finds — the same places, texts and numbers — without the reader's general tokenising. A box with
/// anything else in it (an escape, a non-ASCII or control byte, a nested object or array of arrays, a syntax error) is
/// not read here but by <see cref="Scan"/>, which gives every error.
/// </summary>
internal sealed partial class NuScenesBoxScan
{
    /// <summary>
    /// Reads the object at the start of <paramref name="json"/> (its <c>{</c>) when it is plain JSON of the usual
    /// shape; its length, or 0 when it is not, or the data ends first.
    /// </summary>
    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs once per box.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int ScanPlain(ReadOnlySpan<byte> json)
    {
        Array.Clear(_places);
        Array.Clear(_texts);
        Array.Clear(_hasNumbers);
        var cursor = new PlainJsonCursor(json, 1);
        if (!cursor.Take((byte)'}'))
        {
            do
            {
                if (cursor.Peek() != (byte)'"' || !cursor.TryString(out var name) || !cursor.Take((byte)':'))
                {
                    return 0;
                }

                var field = Find(name);
                cursor.Peek();
                var start = cursor.Position;
                if (!TryReadPlain(field, ref cursor, out var isNull))
                {
                    return 0;
                }

                if (field >= 0)
                {
                    // A repeated property: the last one counts, as in Scan; null is absent.
                    _places[field] = isNull ? default : (start, cursor.Position - start);
                }
            }
            while (cursor.Take((byte)','));

            if (!cursor.Take((byte)'}'))
            {
                return 0;
            }
        }

        IsScanned = true;
        return cursor.Position;
    }

    /// <summary>A value, kept as <see cref="TryRead"/> keeps it for a known field (<paramref name="field"/> ≥ 0); false when it is not plain.</summary>
    private bool TryReadPlain(int field, ref PlainJsonCursor cursor, out bool isNull)
    {
        isNull = false;
        var shape = field < 0 ? (Shape)(-1) : Usual[field].Shape;
        if (field >= 0)
        {
            _texts[field] = null;
            _hasNumbers[field] = false;
        }

        switch (cursor.Peek())
        {
            case (byte)'"':
                if (!cursor.TryString(out var text))
                {
                    return false;
                }

                if (shape == Shape.Text && IsPlainText(text))
                {
                    // A box's own token is unique: made, not held.
                    _texts[field] = field == (int)NuScenesField.Token ? Encoding.ASCII.GetString(text) : texts.GetAscii(text);
                }

                return true;
            case (byte)'[':
                return TryReadArrayPlain(field, shape, ref cursor);
            case (byte)'t' or (byte)'f':
                return cursor.TryLiteral();
            case (byte)'n':
                return isNull = cursor.TryLiteral();
            default:
                if (!cursor.TryNumber(out var number, out var value, out var isDecided))
                {
                    return false;
                }

                if (shape == Shape.Number)
                {
                    _hasNumbers[field] = TryFinite(number, value, isDecided, out _numbers[field * MaxNumbers]);
                }
                else if (shape == Shape.Count)
                {
                    _texts[field] = IsCount(number) ? texts.GetCount(number) : null;
                }

                return true;
        }
    }

    /// <summary>
    /// An array of strings, numbers and literals, kept as <see cref="TryReadNumbers"/> or <see cref="TryReadName"/> keep
    /// it for a field of that shape; false when it is not plain (an array or object in it is left to the reader).
    /// </summary>
    private bool TryReadArrayPlain(int field, Shape shape, ref PlainJsonCursor cursor)
    {
        cursor.Take((byte)'[');
        var into = shape == Shape.Numbers ? _numbers.AsSpan(field * MaxNumbers, Usual[field].Numbers) : default;
        var isUsual = true;
        string? name = null;
        var count = 0;
        if (!cursor.Take((byte)']'))
        {
            do
            {
                switch (cursor.Peek())
                {
                    case (byte)'"':
                        if (!cursor.TryString(out var text))
                        {
                            return false;
                        }

                        if (shape == Shape.Names && count == 0 && IsPlainText(text))
                        {
                            name = texts.GetAscii(text);
                        }

                        isUsual = false;
                        break;
                    case (byte)'t' or (byte)'f' or (byte)'n':
                        isUsual = false;
                        if (!cursor.TryLiteral())
                        {
                            return false;
                        }

                        break;
                    default:
                        if (!cursor.TryNumber(out var number, out var value, out var isDecided))
                        {
                            return false;
                        }

                        isUsual &= count < into.Length && TryFinite(number, value, isDecided, out into[count]);
                        break;
                }

                count++;
            }
            while (cursor.Take((byte)','));

            if (!cursor.Take((byte)']'))
            {
                return false;
            }
        }

        if (shape == Shape.Numbers)
        {
            _hasNumbers[field] = isUsual && count == into.Length;
        }
        else if (shape == Shape.Names)
        {
            _texts[field] = count == 1 ? name : null;
        }

        return true;
    }

    /// <summary>A number's finite value: as the cursor read it, or else from its text (<see cref="JsonNumberParser.TryGetFinite"/>).</summary>
    private static bool TryFinite(ReadOnlySpan<byte> number, double value, bool isDecided, out double finite)
    {
        finite = value;
        return isDecided || JsonNumberParser.TryGetFinite(number, out finite);
    }

    /// <summary>A string's characters (printable ASCII without escapes, as <see cref="PlainJsonCursor.TryString"/> takes them) that are a valid id as they stand.</summary>
    private static bool IsPlainText(ReadOnlySpan<byte> text) => text.Length is > 0 and <= CanonicalFormat.MaxIdLength;
}
