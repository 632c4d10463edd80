using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.JsonLines;

namespace Quality.Domain.Tests.Formats;

/// <summary>
/// The parser's own number reading against <see cref="Utf8JsonReader.GetDouble"/>: the same bits (or the same
/// exception) for any JSON number, and attribute numbers still become their shortest round-trip text.
/// </summary>
public sealed class JsonNumberParserProperties
{
    private static readonly Gen<string> Digits = Gen.Choose(0, 9).Select(d => (char)('0' + d)).ArrayOf().Select(d => new string(d));

    /// <summary>JSON numbers: sign, integer part, fraction and exponent of any length, short ones most often.</summary>
    private static readonly Gen<string> Numbers =
        from negative in Gen.Elements(false, true)
        from integer in Gen.OneOf(Gen.Constant("0"), from first in Gen.Choose(1, 9) from rest in Digits select first + rest)
        from fraction in Gen.OneOf(Gen.Constant(""), from d in Digits where d.Length > 0 select "." + d)
        from exponent in Gen.OneOf(Gen.Constant(""),
            from e in Gen.Elements("e", "E", "e+", "e-", "E-")
            from digits in Gen.OneOf(Gen.Choose(0, 30), Gen.Choose(0, 400), Gen.Choose(0, 99_999))
            select e + digits.ToString(CultureInfo.InvariantCulture))
        select (negative ? "-" : "") + integer + fraction + exponent;

    private static readonly string[] Known =
        ["0", "-0", "-0.0", "0e5", "-0e-5", "1e-7", "12.50", "1E+2", "0.1", "0.3", "-3.14159265358979", "123456789012345",
         "1234567890123456", "9007199254740993", "1e22", "1e23", "1e-22", "1e-23", "4.9e-324", "1.7976931348623157e308", "1e400",
         "-1e400", "2.2250738585072014e-308", "0.000000000000000000000001", "100000000000000000000000"];

    [Property(MaxTest = 5000)]
    public Property GetDouble_random_numbers_give_the_readers_bits() => Prop.ForAll(Numbers.ToArbitrary(), number => Same(number));

    [Fact]
    public void GetDouble_known_hard_numbers_give_the_readers_bits()
    {
        foreach (var number in Known)
        {
            Assert.True(Same(number), number);
        }
    }

    [Property(MaxTest = 2000)]
    public Property Attribute_numbers_become_their_round_trip_text() => Prop.ForAll(
        Gen.OneOf(Numbers, Gen.Elements(Known)).ToArbitrary(),
        number =>
        {
            var expected = Read(number, static (ref Utf8JsonReader r) => r.GetDouble()) is double value && double.IsFinite(value)
                ? value.ToString("R", CultureInfo.InvariantCulture)
                : null;
            var line = Encoding.UTF8.GetBytes($$$"""{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"attributes":{"n":{{{number}}}}}""");
            return expected is null
                || (Attribute(line, null) == expected && Attribute(line, new Utf8StringPool()) == expected);
        });

    private static string Attribute(byte[] line, Utf8StringPool? strings) =>
        CanonicalLineParser.ParseAnnotation(line, "f.jsonl", 2, strings: strings).Attributes!["n"];

    private static bool Same(string number)
    {
        var expected = Read(number, static (ref Utf8JsonReader r) => r.GetDouble());
        var actual = Read(number, static (ref Utf8JsonReader r) => JsonNumberParser.GetDouble(ref r));
        return (expected, actual) switch
        {
            (double e, double a) => BitConverter.DoubleToInt64Bits(e) == BitConverter.DoubleToInt64Bits(a),
            (Type e, Type a) => e == a,
            _ => false,
        };
    }

    private delegate double Getter(ref Utf8JsonReader reader);

    /// <summary>The value, or the type of the exception reading it threw.</summary>
    private static object Read(string number, Getter get)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(number));
        reader.Read();
        try
        {
            return get(ref reader);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            return ex.GetType();
        }
    }
}
