using System.Buffers.Binary;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Quality.Domain.Formats.JsonLines;

/// <summary>
/// The value <see cref="Utf8JsonReader.GetDouble"/> returns for a number token, bit for bit, without its general
/// parser for the numbers deliveries hold: the number's text is checked and its significant digits read in one pass
/// (eight at a time), and when they are at most 19 the double nearest them is computed in one or two multiplications
/// (<see cref="DecimalToDouble"/>), the value every correct parser gives, the reader's among them. Anything else goes
/// to the reader's parser.
/// </summary>
internal static class JsonNumberParser
{
    /// <summary>Significant digits that always make an exact 64-bit integer: 10^19 &lt; 2^64.</summary>
    private const int MaxExactDigits = 19;

    /// <summary>An exponent this large (six digits) is left to the general parser.</summary>
    private const int MaxExponent = 100_000;

    /// <summary>The current number token as <see cref="Utf8JsonReader.GetDouble"/> reads it (and throws).</summary>
    public static double GetDouble(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && !reader.HasValueSequence && TryParseExact(reader.ValueSpan, out var value)
            ? value
            : reader.GetDouble();

    /// <summary>
    /// A JSON number's finite value as <see cref="Utf8JsonReader.TryGetDouble"/> reads it, bit for bit, from its text (the
    /// number's grammar checked by the caller); false when it is not finite.
    /// </summary>
    /// <remarks>
    /// For a number <see cref="Read"/> left undecided (its callers have read it so): the reader's own parse, without a
    /// reader to check the number again, rather than <see cref="Read"/> once more.
    /// </remarks>
    public static bool TryGetFinite(ReadOnlySpan<byte> number, out double value) =>
        Utf8Parser.TryParse(number, out value, out var length) && length == number.Length && double.IsFinite(value);

    /// <summary>
    /// Parses a JSON number (<c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>, as the reader checked it) when the
    /// fast path is exact; false leaves it to the general parser.
    /// </summary>
    public static bool TryParseExact(ReadOnlySpan<byte> number, out double value) =>
        Read(number, out value, out var isDecided) == number.Length && isDecided;

    /// <summary>
    /// The JSON number at the start of <paramref name="data"/> (<c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>),
    /// checked and read in one pass: its length, or 0 when none starts there (the byte after it is the caller's to
    /// check). <paramref name="isDecided"/> when <paramref name="value"/> is the number's finite value, bit for bit as
    /// the general parser reads it; else that parser reads it (more than 19 significant digits, a value past the double
    /// range, an exponent of six digits).
    /// </summary>
    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs once per number.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Read(ReadOnlySpan<byte> data, out double value, out bool isDecided)
    {
        value = 0;
        isDecided = false;
        var negative = At(data, 0) == (byte)'-';
        var i = negative ? 1 : 0;
        var start = i;
        ulong mantissa = 0;
        if (At(data, i) == (byte)'0')
        {
            i++;
        }
        else if (!IsDigit(At(data, i)))
        {
            return 0;
        }
        else
        {
            i = Digits(data, i, ref mantissa);
        }

        var digits = i - start;
        var fractionDigits = 0;
        if (At(data, i) == (byte)'.')
        {
            var fraction = ++i;
            i = Digits(data, i, ref mantissa);
            fractionDigits = i - fraction;
            if (fractionDigits == 0)
            {
                return 0;
            }
        }

        var exponent = 0;
        if (At(data, i) is (byte)'e' or (byte)'E')
        {
            i++;
            var negativeExponent = At(data, i) == (byte)'-';
            i += At(data, i) is (byte)'+' or (byte)'-' ? 1 : 0;
            if (!IsDigit(At(data, i)))
            {
                return 0;
            }

            for (; IsDigit(At(data, i)); i++)
            {
                exponent = exponent < MaxExponent ? (exponent * 10) + (data[i] - '0') : MaxExponent;
            }

            exponent = negativeExponent ? -exponent : exponent;
        }

        // The mantissa holds every digit when there are at most 19 past the leading zeros (which add nothing to it).
        digits += fractionDigits;
        if (digits > MaxExactDigits)
        {
            for (var j = start; At(data, j) is (byte)'0' or (byte)'.'; j++)
            {
                digits -= data[j] == (byte)'0' ? 1 : 0;
            }
        }

        isDecided = digits <= MaxExactDigits && exponent is > -MaxExponent and < MaxExponent
            && DecimalToDouble.TryCompute(mantissa, exponent - fractionDigits, negative, out value);
        return i;
    }

    /// <summary>The digits from <paramref name="at"/> added to <paramref name="mantissa"/> (wrapping past 19), eight at a time while they last; the index after them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digits(ReadOnlySpan<byte> data, int at, ref ulong mantissa)
    {
        while (at <= data.Length - sizeof(ulong))
        {
            var eight = BinaryPrimitives.ReadUInt64LittleEndian(data[at..]);
            if (!AreEightDigits(eight))
            {
                break;
            }

            mantissa = unchecked((mantissa * 100_000_000) + EightDigits(eight));
            at += sizeof(ulong);
        }

        for (; IsDigit(At(data, at)); at++)
        {
            mantissa = unchecked((mantissa * 10) + (uint)(data[at] - '0'));
        }

        return at;
    }

    /// <summary>Whether the eight bytes (little-endian) are all ASCII digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AreEightDigits(ulong bytes) =>
        ((bytes & 0xF0F0F0F0F0F0F0F0) | (((bytes + 0x0606060606060606) & 0xF0F0F0F0F0F0F0F0) >> 4)) == 0x3333333333333333;

    /// <summary>Eight ASCII digits (little-endian: the first digit in the low byte) as their integer, in three multiplications.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong EightDigits(ulong bytes)
    {
        const ulong Mask = 0x000000FF000000FF;
        const ulong Multiplier1 = 100 + (1_000_000UL << 32);
        const ulong Multiplier2 = 1 + (10_000UL << 32);
        bytes -= 0x3030303030303030;
        bytes = (bytes * 10) + (bytes >> 8);
        return unchecked((((bytes & Mask) * Multiplier1) + (((bytes >> 16) & Mask) * Multiplier2)) >> 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    /// <summary>The byte at <paramref name="at"/>, or 0 past the data's end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte At(ReadOnlySpan<byte> data, int at) => (uint)at < (uint)data.Length ? data[at] : (byte)0;
}
