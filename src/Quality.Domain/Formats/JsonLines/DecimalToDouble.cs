using System.Numerics;

namespace Quality.Domain.Formats.JsonLines;

/// <summary>
/// The double nearest to w × 10^q (ties to even), as every correct parser gives it, for a decimal whose significant
/// digits make an exact 64-bit integer w (at most 19 digits), in one or two multiplications: Clinger's fast path when w
/// ≤ 2^53 and |q| ≤ 22 (one exact integer times or divided by one exact power of ten, which IEEE 754 rounds
/// correctly); otherwise Eisel–Lemire (w times a 128-bit power of five, <see cref="PowersOfFive"/>). The few products
/// that algorithm cannot decide, values past the double range, and underflow to zero are left to the caller's general
/// parser (false).
/// </summary>
/// <remarks>
/// W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990. D. Lemire, "Number parsing at a gigabyte
/// per second", Software: Practice and Experience 51(8), 2021 (algorithm 1, as fast_float's <c>compute_float</c>,
/// with its fallback for an inexact product outside q ∈ [−27, 55]).
/// </remarks>
internal static class DecimalToDouble
{
    /// <summary>The largest integer up to which every integer is an exact double.</summary>
    private const ulong MaxExactMantissa = 1UL << 53;

    /// <summary>A double's explicit mantissa bits.</summary>
    private const int MantissaBits = 52;

    /// <summary>The biased exponent of infinity.</summary>
    private const int InfinitePower = 0x7FF;

    private static ReadOnlySpan<double> PowersOfTen =>
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>
    /// ±<paramref name="w"/> × 10^<paramref name="q"/>, correctly rounded, when it is decided here; false leaves it to
    /// a general parser.
    /// </summary>
    /// <param name="w">The decimal's significant digits as an integer, exact (at most 19 digits).</param>
    public static bool TryCompute(ulong w, int q, bool negative, out double value)
    {
        if (w == 0)
        {
            value = negative ? -0.0 : 0.0;
            return true;
        }

        if (w <= MaxExactMantissa && q is >= -22 and <= 22)
        {
            var magnitude = q < 0 ? w / PowersOfTen[-q] : w * PowersOfTen[q];
            value = negative ? -magnitude : magnitude;
            return true;
        }

        if (!TryEiselLemire(w, q, out var bits))
        {
            value = 0;
            return false;
        }

        value = BitConverter.UInt64BitsToDouble(bits | (negative ? 1UL << 63 : 0));
        return true;
    }

    /// <summary>The bits of the positive double nearest w × 10^q (w ≠ 0); false when undecided, infinite or zero.</summary>
    private static bool TryEiselLemire(ulong w, int q, out ulong bits)
    {
        bits = 0;
        if (q is < PowersOfFive.SmallestExponent or > PowersOfFive.LargestExponent)
        {
            return false;
        }

        var leadingZeros = BitOperations.LeadingZeroCount(w);
        w <<= leadingZeros;

        // w × 5^q to the 55 bits that matter (mantissa, implicit bit, rounding bit, and the bit a small product loses);
        // the second word of 5^q only when the first product's bits below those could carry into them.
        var index = 2 * (q - PowersOfFive.SmallestExponent);
        var table = PowersOfFive.Table;
        var high = Math.BigMul(w, table[index], out var low);
        const ulong PrecisionMask = ulong.MaxValue >> (MantissaBits + 3);
        if ((high & PrecisionMask) == PrecisionMask)
        {
            var second = Math.BigMul(w, table[index + 1], out _);
            low += second;
            if (second > low)
            {
                high++;
            }
        }

        // Still possibly short of the exact product: exact for q in [−27, 55], where 5^q or its reciprocal fits the table.
        if (low == ulong.MaxValue && q is < -27 or > 55)
        {
            return false;
        }

        var upperBit = (int)(high >> 63);
        var shift = upperBit + 64 - MantissaBits - 3;
        var mantissa = high >> shift;
        // floor(log2(10^q)) + 63 from 217706 / 2^16 ≈ log2(10), plus the bias 1023.
        var power2 = ((217706 * q) >> 16) + 63 + upperBit - leadingZeros + 1023;
        if (power2 <= 0)
        {
            // A subnormal (or zero, left to the caller); ties cannot occur this far down.
            if (-power2 + 1 >= 64)
            {
                return false;
            }

            mantissa >>= -power2 + 1;
            mantissa += mantissa & 1;
            mantissa >>= 1;
            if (mantissa == 0)
            {
                return false;
            }

            // Rounding up to 2^52 makes the smallest normal: its exponent field is then 1.
            bits = mantissa;
            return true;
        }

        // Exactly halfway between two doubles (only where 5^q is exact in 64 bits): round to even, down here.
        if (low <= 1 && q is >= -4 and <= 23 && (mantissa & 3) == 1 && (mantissa << shift) == high)
        {
            mantissa &= ~1UL;
        }

        mantissa += mantissa & 1;
        mantissa >>= 1;
        if (mantissa >= 2UL << MantissaBits)
        {
            mantissa = 1UL << MantissaBits;
            power2++;
        }

        if (power2 >= InfinitePower)
        {
            return false;
        }

        bits = (mantissa & ~(1UL << MantissaBits)) | ((ulong)power2 << MantissaBits);
        return true;
    }
}
