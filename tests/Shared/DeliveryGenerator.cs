using System.Globalization;
using System.Text;

namespace Quality.Tests.Shared;

/// <summary>
/// Seeded canonical deliveries of frame tags: the same arguments give the same bytes, so a test's data can be
/// regenerated exactly. Annotators agree with a hidden true value with their own accuracy; some ratings are missing.
/// </summary>
internal static class DeliveryGenerator
{
    private static readonly string[][] FieldValues =
    [
        ["clear", "rain", "fog", "snow"],
        ["day", "night", "dusk"],
    ];

    private static readonly string[] Fields = ["weather", "time_of_day"];

    public static string Generate(int items, int annotators = 3, int seed = 1, string pipeline = "test-pipeline", string deliveryId = "d-001")
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $$"""{"format":"serverless-quality.canonical","version":1,"deliveryId":"{{deliveryId}}","pipeline":"{{pipeline}}","vendor":"test-vendor","taxonomy":{"name":"driving-scenes","version":"1.0.0"},"dataTypes":["frame-tags"]}""");
        text.Append('\n');
        for (var i = 0; i < items; i++)
        {
            for (var f = 0; f < Fields.Length; f++)
            {
                var values = FieldValues[f];
                var truth = values[random.Next(values.Length)];
                for (var a = 0; a < annotators; a++)
                {
                    if (random.NextDouble() < 0.05)
                    {
                        continue; // a missing rating
                    }

                    var accuracy = 0.95 - 0.1 * a;
                    var label = random.NextDouble() < accuracy ? truth : values[random.Next(values.Length)];
                    text.Append(CultureInfo.InvariantCulture,
                        $$"""{"item":"frame-{{i:D6}}","annotator":"ann-{{a:D2}}","field":"{{Fields[f]}}","label":"{{label}}"}""");
                    text.Append('\n');
                }
            }
        }

        return text.ToString();
    }
}
