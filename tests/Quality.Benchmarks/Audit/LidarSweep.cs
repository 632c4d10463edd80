using System.Globalization;
using Quality.Domain.Annotations;
using Quality.Domain.Geometry;

namespace Quality.Benchmarks.Audit;

/// <summary>
/// One seeded lidar sweep: gold cuboids of skewed classes scattered over 100 m × 100 m, and each annotator's noisy copies
/// (5% missed, 3% relabeled), annotators named <c>a1</c>, <c>a2</c>, …
/// </summary>
internal static class LidarSweep
{
    private static readonly string[] Classes = ["car", "car", "car", "truck", "pedestrian", "pedestrian", "cyclist", "barrier"];

    /// <param name="withGold">Also emit the gold cuboids as role <c>gold</c> (the annotators' copies are drawn from them either way).</param>
    public static List<Annotation> Generate(int frame, Random random, int cuboids, int annotators, bool withGold)
    {
        var item = "sweep-" + frame.ToString(CultureInfo.InvariantCulture);
        var annotations = new List<Annotation>(cuboids * (annotators + 1));
        var gold = new List<(string Class, Cuboid Box)>(cuboids);
        for (var k = 0; k < cuboids; k++)
        {
            var objectClass = Classes[random.Next(Classes.Length)];
            var (length, width, height) = objectClass switch
            {
                "truck" => (8.0, 2.5, 3.2),
                "pedestrian" => (0.7, 0.7, 1.75),
                "cyclist" => (1.8, 0.7, 1.7),
                "barrier" => (2.0, 0.5, 1.0),
                _ => (4.5, 1.9, 1.6),
            };
            var box = new Cuboid(random.NextDouble() * 100 - 50, random.NextDouble() * 100 - 50, 0, length, width, height, random.NextDouble() * 6.28 - 3.14);
            gold.Add((objectClass, box));
            if (withGold)
            {
                annotations.Add(new Annotation(item, "gold", AnnotatorRole.Gold, Annotation.DefaultField, objectClass, 0) { Cuboid = box });
            }
        }

        for (var a = 1; a <= annotators; a++)
        {
            var annotator = "a" + a.ToString(CultureInfo.InvariantCulture);
            foreach (var (objectClass, box) in gold)
            {
                if (random.NextDouble() < 0.05)
                {
                    continue;
                }

                var label = random.NextDouble() < 0.03 ? Classes[random.Next(Classes.Length)] : objectClass;
                var noisy = box with { X = box.X + Noise(random, 0.1), Y = box.Y + Noise(random, 0.1), Yaw = box.Yaw + Noise(random, 0.05) };
                annotations.Add(new Annotation(item, annotator, AnnotatorRole.Annotator, Annotation.DefaultField, label, 0) { Cuboid = noisy });
            }
        }

        return annotations;
    }

    private static double Noise(Random random, double scale) => (random.NextDouble() - 0.5) * 2 * scale;
}
