using System.Globalization;
using System.Text;

namespace Quality.Tests.Shared;

/// <summary>
/// Seeded canonical deliveries of lidar cuboids with a gold key: every item holds one object of each class, and each
/// annotator redraws every gold object with a small jitter, missing it or naming a wrong class at
/// <c>baseErrorRate</c> each. <see cref="Injection"/>s add a labeling flaw: objects of one class called another
/// at a given rate, by every annotator (a system error) or by named ones (an individual error).
/// The same arguments give the same bytes.
/// </summary>
internal static class ObjectDeliveryGenerator
{
    public static readonly string[] Classes = ["car", "truck", "pedestrian", "wheelchair_user", "cyclist"];

    /// <summary>Objects of <paramref name="GoldClass"/> labeled <paramref name="LabeledAs"/> at <paramref name="Rate"/>; null annotators = all.</summary>
    internal sealed record Injection(string GoldClass, string LabeledAs, double Rate, IReadOnlyCollection<string>? Annotators = null);

    public static string Annotator(int a) => "ann-" + a.ToString("D2", CultureInfo.InvariantCulture);

    public static string Generate(
        int seed, string deliveryId, string pipeline = "scenario", string vendor = "acme", int items = 40, int annotators = 5,
        double baseErrorRate = 0.01, IReadOnlyList<Injection>? injections = null)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $$"""{"format":"serverless-quality.canonical","version":1,"deliveryId":"{{deliveryId}}","pipeline":"{{pipeline}}","vendor":"{{vendor}}","taxonomy":{"name":"driving-objects","version":"1.0.0"},"dataTypes":["cuboids-3d"]}""");
        text.Append('\n');
        for (var i = 0; i < items; i++)
        {
            var item = "sweep-" + i.ToString("D5", CultureInfo.InvariantCulture);
            for (var c = 0; c < Classes.Length; c++)
            {
                Line(text, item, "gold-key", "gold", Classes[c], Classes[c], 25.0 * c, 0);
            }

            for (var a = 0; a < annotators; a++)
            {
                var annotator = Annotator(a);
                for (var c = 0; c < Classes.Length; c++)
                {
                    if (Label(random, Classes[c], annotator, baseErrorRate, injections) is { } label)
                    {
                        Line(text, item, annotator, "annotator", label, Classes[c], 25.0 * c + (random.NextDouble() - 0.5) * 0.1, (random.NextDouble() - 0.5) * 0.1);
                    }
                }
            }
        }

        return text.ToString();
    }

    /// <summary>The class the annotator gives a gold object of <paramref name="goldClass"/>, or null when they miss it.</summary>
    private static string? Label(Random random, string goldClass, string annotator, double baseErrorRate, IReadOnlyList<Injection>? injections)
    {
        // Draw every random number every time, so adding an injection does not shift the rest of the delivery.
        var (miss, wrong, other, injected) = (random.NextDouble(), random.NextDouble(), random.Next(Classes.Length - 1), random.NextDouble());
        var injection = injections?.FirstOrDefault(j => j.GoldClass == goldClass && (j.Annotators is null || j.Annotators.Contains(annotator)));
        if (injection is not null && injected < injection.Rate)
        {
            return injection.LabeledAs;
        }

        if (miss < baseErrorRate)
        {
            return null;
        }

        return wrong < baseErrorRate ? Classes.Where(c => c != goldClass).ElementAt(other) : goldClass;
    }

    /// <summary>A cuboid the size of <paramref name="shapeOf"/>: a wrong label keeps the object's shape, so it still matches its gold object.</summary>
    private static void Line(StringBuilder text, string item, string annotator, string role, string label, string shapeOf, double x, double y)
    {
        var (length, width, height) = shapeOf switch
        {
            "car" => (4.5, 1.9, 1.6),
            "truck" => (8.0, 2.5, 3.2),
            _ => (0.8, 0.7, 1.7),
        };
        text.Append(CultureInfo.InvariantCulture,
            $$$"""{"item":"{{{item}}}","annotator":"{{{annotator}}}","role":"{{{role}}}","label":"{{{label}}}","geometry":{"type":"cuboid","x":{{{x:F3}}},"y":{{{y:F3}}},"z":0,"length":{{{length}}},"width":{{{width}}},"height":{{{height}}},"yaw":0}}""");
        text.Append('\n');
    }
}
