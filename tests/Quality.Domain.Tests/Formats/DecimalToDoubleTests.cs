using System.Buffers.Text;
using System.Globalization;
using System.Numerics;
using System.Text;
using Quality.Domain.Formats.JsonLines;

namespace Quality.Domain.Tests.Formats;

/// <summary>
/// The one-pass number reading (<see cref="JsonNumberParser.Read"/> with <see cref="DecimalToDouble"/>) against
/// <see cref="double.Parse(string, IFormatProvider)"/> and <see cref="Utf8Parser"/> (the reader's parser): the same bits
/// for every number it decides, on random numbers of 1 to 19 significant digits over the whole exponent range, exact
/// halfway cases, subnormals and the limits; and that it does decide the numbers deliveries hold (a fast path that
/// always passed to the general parser would fail here).
/// </summary>
public sealed class DecimalToDoubleTests
{
    [Fact]
    public void PowersOfFive_every_entry_is_its_definition()
    {
        var table = PowersOfFive.Table;
        Assert.Equal(2 * (PowersOfFive.LargestExponent - PowersOfFive.SmallestExponent + 1), table.Length);
        for (var q = PowersOfFive.SmallestExponent; q <= PowersOfFive.LargestExponent; q++)
        {
            var expected = Entry(q);
            var index = 2 * (q - PowersOfFive.SmallestExponent);
            Assert.True(((BigInteger)table[index] << 64 | table[index + 1]) == expected, $"5^{q}");
        }
    }

    [Fact]
    public void Read_random_numbers_of_1_to_19_digits_give_the_parsers_bits()
    {
        var random = new Random(20);
        var decided = 0;
        for (var n = 0; n < 200_000; n++)
        {
            var digits = random.Next(1, 20);
            var text = Number(random, digits, random.Next(-360, 330));
            decided += Check(text) ? 1 : 0;
        }

        // Undecided: only values past the range (or that underflow to zero), about a twelfth of exponents drawn.
        Assert.InRange(decided, 170_000, 200_000);
    }

    [Fact]
    public void Read_decides_every_nuScenes_like_coordinate()
    {
        // 15 to 19 significant digits, as nuScenes writes translations, sizes and quaternions.
        var random = new Random(7);
        for (var n = 0; n < 100_000; n++)
        {
            var magnitude = random.Next(-3, 4);
            var text = Number(random, random.Next(15, 20), magnitude - random.Next(15, 20));
            Assert.True(Check(text), text);
        }
    }

    [Fact]
    public void Read_exact_halfway_cases_round_to_even()
    {
        // (2m + 1) × 2^(p − 53) is halfway between the doubles m × 2^(p − 52) and (m + 1) × 2^(p − 52); written exactly
        // in decimal when it has at most 19 significant digits (p − 53 in [−3, 9] here).
        var random = new Random(11);
        var checkedTies = 0;
        for (var n = 0; n < 50_000; n++)
        {
            var m = (1UL << 52) | ((ulong)random.NextInt64() & ((1UL << 52) - 1));
            var shift = random.Next(-3, 10);
            var tie = Exact(new BigInteger(2 * m + 1), shift - 1);
            if (tie is null)
            {
                continue;
            }

            foreach (var text in new[] { tie, Nudge(tie, -1), Nudge(tie, +1) })
            {
                Assert.True(Check(text), text);
            }

            checkedTies++;
        }

        Assert.True(checkedTies > 10_000, $"{checkedTies} ties");
    }

    [Fact]
    public void Read_subnormals_and_limits_give_the_parsers_bits()
    {
        var random = new Random(3);
        for (var n = 0; n < 20_000; n++)
        {
            var subnormal = BitConverter.Int64BitsToDouble(random.NextInt64(1, 1L << 52));
            Check(subnormal.ToString("R", CultureInfo.InvariantCulture));
            Check(Number(random, random.Next(1, 20), random.Next(-345, -300)));
        }

        string[] limits =
        [
            "4.9e-324", "5e-324", "2.4703282292062328e-324", "2.4703282292062327e-324", "2.2250738585072011e-308",
            "2.2250738585072012e-308", "2.2250738585072013e-308", "2.2250738585072014e-308", "1.7976931348623157e308",
            "1.7976931348623158e308", "1.7976931348623159e308", "9007199254740993", "9007199254740995", "18446744073709551615",
            "9999999999999999999", "1e22", "1e23", "8.98846567431158e307", "4503599627370496.5", "4503599627370497.5",
            "0.000000000000000000000000000000000000001", "123456789012345678e-10", "7.3177701707893310e+15",
        ];
        foreach (var text in limits)
        {
            Check(text);
            Check("-" + text);
        }

        Assert.True(Check("9007199254740993"), "2^53 + 1 is decided");
        Assert.False(Check("1.7976931348623159e308"), "infinity is left to the general parser");
    }

    [Theory]
    [InlineData("12345678901234567890", false)]
    [InlineData("0.00000000000000000000001234567890123456789", true)]
    [InlineData("1e100000", false)]
    [InlineData("0e99999", true)]
    [InlineData("-0.0", true)]
    public void Read_more_than_19_significant_digits_or_a_six_digit_exponent_is_left_to_the_general_parser(string text, bool isDecided) =>
        Assert.Equal(isDecided, Check(text));

    [Theory]
    [InlineData("-", 0)]
    [InlineData("01", 1)]
    [InlineData("1.", 0)]
    [InlineData("1.e5", 0)]
    [InlineData("1e", 0)]
    [InlineData("1e+", 0)]
    [InlineData("-.5", 0)]
    [InlineData("12345678.25e-3,", 14)]
    [InlineData("1234567812345678x", 16)]
    public void Read_checks_the_grammar_and_stops_after_the_number(string text, int length) =>
        Assert.Equal(length, JsonNumberParser.Read(Encoding.ASCII.GetBytes(text), out _, out _));

    /// <summary>
    /// Reads <paramref name="text"/> in one pass; asserts it takes all of it and, when it decides the value, that the
    /// value is double.Parse's and Utf8Parser's, bit for bit. Whether it decided.
    /// </summary>
    private static bool Check(string text)
    {
        var utf8 = Encoding.ASCII.GetBytes(text);
        Assert.Equal(utf8.Length, JsonNumberParser.Read(utf8, out var value, out var isDecided));
        var expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.True(Utf8Parser.TryParse(utf8, out double reader, out var length, 'E') || Utf8Parser.TryParse(utf8, out reader, out length), text);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(reader));
        if (isDecided)
        {
            Assert.True(double.IsFinite(value), text);
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(value), $"{text}: {value:R}, expected {expected:R}");
        }

        return isDecided;
    }

    /// <summary>A random JSON number of <paramref name="digits"/> significant digits times 10^<paramref name="scale"/>, written with a point, an exponent or both.</summary>
    private static string Number(Random random, int digits, int scale)
    {
        var significand = new StringBuilder().Append((char)('1' + random.Next(9)));
        for (var i = 1; i < digits; i++)
        {
            significand.Append((char)('0' + random.Next(10)));
        }

        var text = significand.ToString();
        var sign = random.Next(2) == 0 ? "" : "-";
        var point = random.Next(1, digits + 1);
        return random.Next(5) switch
        {
            0 => $"{sign}{text}e{scale}",
            1 when point < digits => $"{sign}{text[..point]}.{text[point..]}e{scale + digits - point}",
            2 when scale is >= 0 and < 5 => $"{sign}{text}{new string('0', scale)}",
            // Leading zeros in the fraction, which are not significant digits.
            3 => $"{sign}0.000{text}e{scale + digits + 3}",
            _ => $"{sign}{text}E{(scale >= 0 ? "+" : "")}{scale}",
        };
    }

    /// <summary>n × 2^e written exactly in decimal, when that takes at most 19 significant digits.</summary>
    private static string? Exact(BigInteger n, int e)
    {
        var (digits, scale) = e >= 0 ? (n << e, 0) : (n * BigInteger.Pow(5, -e), e);
        while (!digits.IsZero && digits % 10 == 0)
        {
            digits /= 10;
            scale++;
        }

        var text = digits.ToString(CultureInfo.InvariantCulture);
        return text.Length <= 19 ? $"{text}e{scale}" : null;
    }

    /// <summary>The decimal <paramref name="text"/> (digits "e" scale) with its last digit moved by <paramref name="by"/>.</summary>
    private static string Nudge(string text, int by)
    {
        var e = text.IndexOf('e', StringComparison.Ordinal);
        var digits = BigInteger.Parse(text[..e], CultureInfo.InvariantCulture) + by;
        return $"{digits}e{text[(e + 1)..]}";
    }

    /// <summary>fast_float's table entry for 5^q: 128 bits with the top one set.</summary>
    private static BigInteger Entry(int q)
    {
        var top = BigInteger.One << 127;
        var limit = BigInteger.One << 128;
        if (q >= 0)
        {
            var power = BigInteger.Pow(5, q);
            while (power < top)
            {
                power <<= 1;
            }

            while (power >= limit)
            {
                power >>= 1;
            }

            return power;
        }

        var divisor = BigInteger.Pow(5, -q);
        var z = 0;
        while ((BigInteger.One << z) < divisor)
        {
            z++;
        }

        var b = q >= -27 ? z + 127 : (2 * z) + 128;
        var c = (BigInteger.One << b) / divisor + 1;
        while (c >= limit)
        {
            c >>= 1;
        }

        return c;
    }
}
