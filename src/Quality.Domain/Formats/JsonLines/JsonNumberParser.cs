using System.Buffers.Text;
using System.Text.Json;

namespace Quality.Domain.Formats.JsonLines;

/// <summary>
/// The value <see cref="Utf8JsonReader.GetDouble"/> returns for a number token, bit for bit, without its general
/// parser for the numbers deliveries hold (coordinates with a few decimals): significant digits that make an integer
/// of at most 2^53 and a decimal exponent within ±22 are computed as one exact integer times or divided by one exact
/// power of ten, which IEEE 754 rounds correctly, as the general parser does (Clinger's fast path). Anything else goes
/// to the reader.
/// </summary>
/// <remarks>W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990.</remarks>
internal static class JsonNumberParser
{
    /// <summary>Significant digits read: 10^16 &gt; 2^53, so an integer of more is past <see cref="MaxExactMantissa"/>.</summary>
    private const int MaxExactDigits = 16;

    /// <summary>The largest integer up to which every integer is an exact double.</summary>
    private const ulong MaxExactMantissa = 1UL << 53;

    private static readonly double[] PowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>The current number token as <see cref="Utf8JsonReader.GetDouble"/> reads it (and throws).</summary>
    public static double GetDouble(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && !reader.HasValueSequence && TryParseExact(reader.ValueSpan, out var value)
            ? value
            : reader.GetDouble();

    /// <summary>
    /// A JSON number's finite value as <see cref="Utf8JsonReader.TryGetDouble"/> reads it, bit for bit, from its text (the
    /// number's grammar checked by the caller); false when it is not finite.
    /// </summary>
    public static bool TryGetFinite(ReadOnlySpan<byte> number, out double value)
    {
        if (TryParseExact(number, out value))
        {
            return true;
        }

        // The reader's own parse (its TryGetDouble), without a reader to check the number again.
        return Utf8Parser.TryParse(number, out value, out var length) && length == number.Length && double.IsFinite(value);
    }

    /// <summary>
    /// Parses a JSON number (<c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>, as the reader checked it) when the
    /// fast path is exact; false leaves it to the general parser.
    /// </summary>
    public static bool TryParseExact(ReadOnlySpan<byte> number, out double value)
    {
        value = 0;
        var i = 0;
        var negative = number is [(byte)'-', ..];
        if (negative)
        {
            i++;
        }

        ulong mantissa = 0;
        var digits = 0;
        var scale = 0;
        var fraction = false;
        for (; i < number.Length; i++)
        {
            var b = number[i];
            if (b == (byte)'.' && !fraction)
            {
                fraction = true;
                continue;
            }

            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                break;
            }

            // Leading zeros are not significant digits; each fraction digit, zero or not, moves the point.
            if (mantissa != 0 || digit != 0)
            {
                if (++digits > MaxExactDigits)
                {
                    return false;
                }

                mantissa = mantissa * 10 + digit;
            }

            scale -= fraction ? 1 : 0;
        }

        if (i < number.Length)
        {
            if (number[i] is not ((byte)'e' or (byte)'E') || !TryParseExponent(number[(i + 1)..], out var exponent))
            {
                return false;
            }

            scale += exponent;
        }

        if (mantissa == 0)
        {
            value = negative ? -0.0 : 0.0;
            return true;
        }

        if (scale is < -22 or > 22 || mantissa > MaxExactMantissa)
        {
            return false;
        }

        var magnitude = scale < 0 ? mantissa / PowersOfTen[-scale] : mantissa * PowersOfTen[scale];
        value = negative ? -magnitude : magnitude;
        return true;
    }

    private static bool TryParseExponent(ReadOnlySpan<byte> text, out int exponent)
    {
        exponent = 0;
        var negative = text is [(byte)'-', ..];
        var i = text is [(byte)'-' or (byte)'+', ..] ? 1 : 0;
        if (i == text.Length)
        {
            return false;
        }

        for (; i < text.Length; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9 || exponent > 10_000)
            {
                return false;
            }

            exponent = exponent * 10 + (int)digit;
        }

        exponent = negative ? -exponent : exponent;
        return true;
    }
}
