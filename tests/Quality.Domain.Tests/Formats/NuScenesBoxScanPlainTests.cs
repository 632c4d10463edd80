using System.Globalization;
using System.Text;
using System.Text.Json;
using Quality.Domain.Formats.NuScenes;

namespace Quality.Domain.Tests.Formats;

/// <summary>
/// The byte-level scan of a box of the usual shape (<see cref="NuScenesBoxScan.ScanPlain"/>) against the reader's scan
/// (<see cref="NuScenesBoxScan.Scan"/>): on every object it takes, the same places, texts and numbers, bit for bit;
/// every object it does not take (escapes, non-ASCII text, nesting, invalid JSON) is left whole to the reader.
/// </summary>
public sealed class NuScenesBoxScanPlainTests
{
    /// <summary>A box as nuScenes writes it (sample_annotation.json, pretty-printed).</summary>
    private const string UsualBox = """
        {
            "token": "02e0c5b480fb678ace749bf6ee849116",
            "sample_token": "814e40ef221bd9bebc8e68a5ff5fb584",
            "instance_token": "0825d2b215ccac14f62b34c1baa0329f",
            "visibility_token": "3",
            "attribute_tokens": [
              "a089f2082c8c97b0959cd55719f14dc4"
            ],
            "attribute_names": [
              "vehicle.parked"
            ],
            "translation": [
              -44.23196218491775,
              -2.6685591384654717,
              0.5883017132954796
            ],
            "size": [1.9583569640138845, 5.060994563453219, 1.7419516523553171],
            "rotation": [0.08639888901480809, 0, 0, -0.9962606245240283],
            "prev": "",
            "next": "",
            "num_lidar_pts": 259,
            "num_radar_pts": 0,
            "category_name": "vehicle.car"
          }
        """;

    public static TheoryData<string> PlainObjects => new()
    {
        UsualBox,
        "{}",
        " { \t\r\n } ",
        """{"token": "a", "token": "b", "sample_token": "s"}""",
        """{"token": null, "size": [1, 2, 3]}""",
        """{"token": "a", "token": null, "category_name": null}""",
        """{"translation": "x", "size": [1, 2], "rotation": [1, 0, 0, 0, 0], "detection_score": "0.5", "num_lidar_pts": 1.5}""",
        """{"num_radar_pts": -3, "token": 5, "attribute_names": [], "velocity": [1e400, 0], "detection_score": -1e400}""",
        """{"attribute_names": ["a", "b"]}""",
        """{"attribute_names": [1]}""",
        """{"attribute_names": [""]}""",
        """{"attribute_names": [null, "a"]}""",
        """{"attribute_name": "", "detection_name": "car", "detection_score": 0.25, "velocity": [-0, 1E+2]}""",
        """{"token": true, "size": [true, false, null], "x": null, "y": false}""",
        """{"attribute_tokens": ["a", 1, null], "prev": "", "next": "n"}""",
        """{"translation": [-0, 0.1e-5, 12345678901234567], "size": [123456789012345678901234567890, 1e-400, 4.9e-324]}""",
        """{"rotation": [0.30000000000000004, 1.7976931348623157e308, 2.2250738585072014e-308, 9007199254740993]}""",
        """{"num_lidar_pts": 0, "num_radar_pts": 1234567890123456, "visibility_token": 4}""",
        """{"num_lidar_pts": 1e3, "num_radar_pts": 12.0}""",
        """{"token": "~ !#$%&'()*+,-./:;<=>?@[]^_`{|}"}""",
        $$"""{"token": "{{new string('x', 256)}}", "sample_token": "{{new string('y', 257)}}"}""",
        """{"sample_token" : "s" ,"translation":[1,2,3],"size" :[ 1 , 2 , 3 ] }""",
    };

    public static TheoryData<string> ObjectsLeftToTheReader => new()
    {
        """{"token": "a\u0041"}""",
        """{"tok\u0065n": "a"}""",
        """{"category_name": "café"}""",
        "{\"category_name\": \"d\u007Fl\"}",
        """{"meta": {"a": 1}}""",
        """{"size": [[1], 2, 3]}""",
        """{"a": 01}""",
        """{"a": 1,}""",
        """{"a" 1}""",
        """{"a": tru}""",
        """{"a": truex}""",
        """{"a": 1 2}""",
        """{"a": -}""",
        """{"a": 1.}""",
        """{"a": .5}""",
        """{"a": +1}""",
        """{"a": 1e}""",
        "{\"a\": \"x\ty\"}",
        """{"a": [1, 2,]}""",
        """{"a": [1 2]}""",
        "{\"a\": 1",
        """{"token": "abc" """,
        """{"token": 12""",
        """{"a": [1""",
        """{"a": nul""",
        "{\"a\": 1 /* c */}",
    };

    [Theory]
    [MemberData(nameof(PlainObjects))]
    public void ScanPlain_finds_what_the_readers_scan_finds(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json.Trim());
        var (plain, length) = Plain(bytes);

        Assert.Equal(bytes.Length, length);
        AssertSame(Scanned(bytes), plain, bytes);
    }

    [Theory]
    [MemberData(nameof(ObjectsLeftToTheReader))]
    public void ScanPlain_leaves_other_objects_to_the_reader(string json)
    {
        var (plain, length) = Plain(Encoding.UTF8.GetBytes(json));

        Assert.Equal(0, length);
        Assert.False(plain.IsScanned);
    }

    [Fact]
    public void ScanPlain_reads_only_the_object_when_the_data_goes_on()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"token": "a"},{"token": "b"}""");

        Assert.Equal(14, Plain(bytes).Length);
    }

    [Fact]
    public void ScanPlain_numbers_are_the_readers_bits()
    {
        // Coordinates as exporters print them (shortest round trip, 15 to 17 digits), and any JSON number.
        var random = new Random(20);
        for (var i = 0; i < 20_000; i++)
        {
            var numbers = Enumerable.Range(0, 4).Select(_ => RandomNumber(random)).ToArray();
            var bytes = Encoding.UTF8.GetBytes($$"""{"rotation": [{{string.Join(", ", numbers)}}], "detection_score": {{numbers[0]}}}""");
            var (plain, length) = Plain(bytes);

            Assert.Equal(bytes.Length, length);
            AssertSame(Scanned(bytes), plain, bytes);
        }
    }

    private static string RandomNumber(Random random) => random.Next(4) switch
    {
        0 => ((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-5, 6))).ToString("R", CultureInfo.InvariantCulture),
        1 => BitConverter.Int64BitsToDouble(random.NextInt64()) is var d && double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "0",
        2 => random.NextInt64(-1_000_000, 1_000_000).ToString(CultureInfo.InvariantCulture),
        _ => (random.Next(2) == 0 ? "-" : "") + random.NextInt64(0, long.MaxValue).ToString(CultureInfo.InvariantCulture)
            + (random.Next(2) == 0 ? "" : "." + random.NextInt64(0, long.MaxValue).ToString(CultureInfo.InvariantCulture))
            + (random.Next(2) == 0 ? "" : "e" + random.Next(-330, 330).ToString(CultureInfo.InvariantCulture)),
    };

    private static (NuScenesBoxScan Scan, int Length) Plain(byte[] json)
    {
        var scan = new NuScenesBoxScan(new NuScenesTexts());
        scan.Reset();
        return (scan, scan.ScanPlain(json));
    }

    private static NuScenesBoxScan Scanned(byte[] json)
    {
        var scan = new NuScenesBoxScan(new NuScenesTexts());
        var reader = new Utf8JsonReader(json);
        reader.Read();
        Assert.True(scan.Scan(ref reader));
        Assert.Equal(json.Length, reader.BytesConsumed);
        return scan;
    }

    private static void AssertSame(NuScenesBoxScan expected, NuScenesBoxScan actual, byte[] json)
    {
        Assert.Equal(expected.IsScanned, actual.IsScanned);
        foreach (var field in Enum.GetValues<NuScenesField>())
        {
            Assert.Equal(expected.Has(field), actual.Has(field));
            Assert.Equal(Encoding.UTF8.GetString(expected.Raw(json, field)), Encoding.UTF8.GetString(actual.Raw(json, field)));
            Assert.Equal(expected.Text(field), actual.Text(field));
            Assert.Equal(Bits(expected.Numbers(field)), Bits(actual.Numbers(field)));
        }
    }

    private static long[] Bits(ReadOnlySpan<double> numbers)
    {
        var bits = new long[numbers.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            bits[i] = BitConverter.DoubleToInt64Bits(numbers[i]);
        }

        return bits;
    }
}
