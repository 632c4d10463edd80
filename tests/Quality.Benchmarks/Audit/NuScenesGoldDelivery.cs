using System.Globalization;
using System.Text.Json;

namespace Quality.Benchmarks.Audit;

/// <summary>
/// A seeded multi-file nuScenes-style delivery for the end-to-end gold audit: <c>gold.json</c> and one file per annotator
/// (<c>ann-01.json</c>, …), each an indented array of <c>sample_annotation</c> records joined with their class as the
/// devkit's <c>EvalBoxes</c> hold them (docs/formats/nuscenes.md), and the <c>manifest.json</c> that names their roles.
/// </summary>
/// <remarks>
/// Per frame: 40 gold cuboids of skewed classes scattered over 100 m × 100 m around the ego vehicle. Each annotator
/// misses 5% of them; the rest get position noise N(0, 3.5% of the box's length and width), size noise N(0, 4%), yaw noise N(0, 0.05 rad), 3% a
/// confusable class, 10% another visibility and 10% another attribute; plus false positives, Poisson with mean 2 a frame.
/// <c>num_lidar_pts</c> comes from the point cloud, so an annotator's copy carries gold's.
/// </remarks>
internal static class NuScenesGoldDelivery
{
    private static readonly (string Name, double Width, double Length, double Height, string[] Attributes)[] Classes =
    [
        ("vehicle.car", 1.95, 4.6, 1.7, ["vehicle.moving", "vehicle.parked", "vehicle.stopped"]),
        ("vehicle.car", 1.95, 4.6, 1.7, ["vehicle.moving", "vehicle.parked", "vehicle.stopped"]),
        ("vehicle.car", 1.95, 4.6, 1.7, ["vehicle.moving", "vehicle.parked", "vehicle.stopped"]),
        ("vehicle.truck", 2.5, 8.0, 3.2, ["vehicle.moving", "vehicle.parked", "vehicle.stopped"]),
        ("human.pedestrian.adult", 0.7, 0.7, 1.75, ["pedestrian.moving", "pedestrian.standing"]),
        ("human.pedestrian.adult", 0.7, 0.7, 1.75, ["pedestrian.moving", "pedestrian.standing"]),
        ("vehicle.bicycle", 0.6, 1.8, 1.3, ["cycle.with_rider", "cycle.without_rider"]),
        ("movable_object.barrier", 2.1, 0.5, 1.0, []),
        ("movable_object.trafficcone", 0.4, 0.4, 1.0, []),
    ];

    /// <summary>The class an annotator confuses each class with.</summary>
    private static string Confusable(string name) => name switch
    {
        "vehicle.car" => "vehicle.truck",
        "vehicle.truck" => "vehicle.car",
        "human.pedestrian.adult" => "vehicle.bicycle",
        "vehicle.bicycle" => "human.pedestrian.adult",
        "movable_object.barrier" => "movable_object.trafficcone",
        _ => "movable_object.barrier",
    };

    public const int ObjectsPerFrame = 40;

    private const double MissedRate = 0.05;
    private const double FalsePositivesPerFrame = 2;

    /// <summary>Position noise as a share of the box's size: 0.15 m on a car, 3 cm on a pedestrian, whose IoU it would ruin otherwise.</summary>
    private const double PositionNoise = 0.035;

    /// <summary>Writes the delivery into <paramref name="folder"/>; returns the manifest's path.</summary>
    public static string Write(string folder, int frames, int annotators, int seed)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var names = Enumerable.Range(1, annotators).Select(a => "ann-" + a.ToString("00", CultureInfo.InvariantCulture)).ToArray();
        var writers = names.Prepend("gold").Select(name => Open(Path.Combine(folder, name + ".json"))).ToArray();
        try
        {
            for (var f = 0; f < frames; f++)
            {
                var sample = Token(random);
                var gold = Enumerable.Range(0, ObjectsPerFrame).Select(_ => GoldBox(random)).ToList();
                foreach (var box in gold)
                {
                    WriteRecord(writers[0].Json, random, sample, box);
                }

                for (var a = 1; a <= annotators; a++)
                {
                    foreach (var box in gold.Where(_ => random.NextDouble() >= MissedRate))
                    {
                        WriteRecord(writers[a].Json, random, sample, Noisy(random, box));
                    }

                    for (var k = Poisson(random, FalsePositivesPerFrame); k > 0; k--)
                    {
                        WriteRecord(writers[a].Json, random, sample, GoldBox(random) with { LidarPoints = random.Next(0, 5) });
                    }
                }
            }
        }
        finally
        {
            foreach (var (json, stream) in writers)
            {
                json.WriteEndArray();
                json.Dispose();
                stream.Dispose();
            }
        }

        var manifest = Path.Combine(folder, "manifest.json");
        using (var stream = File.Create(manifest))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", "serverless-quality.manifest");
            json.WriteNumber("version", 1);
            json.WriteStartObject("taxonomy");
            json.WriteString("name", "none");
            json.WriteString("version", "0.0.0");
            json.WriteEndObject();
            json.WriteStartArray("dataTypes");
            json.WriteStringValue("cuboids-3d");
            json.WriteEndArray();
            json.WriteStartArray("files");
            json.WriteStartObject();
            json.WriteString("path", "gold.json");
            json.WriteString("format", "nuscenes");
            json.WriteString("role", "gold");
            json.WriteEndObject();
            foreach (var name in names)
            {
                json.WriteStartObject();
                json.WriteString("path", name + ".json");
                json.WriteString("format", "nuscenes");
                json.WriteString("annotator", name);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return manifest;
    }

    private static (Utf8JsonWriter Json, FileStream Stream) Open(string path)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        return (json, stream);
    }

    private sealed record Box(string Class, double X, double Y, double Z, double Width, double Length, double Height, double Yaw, int Visibility, string? Attribute, int LidarPoints);

    private static Box GoldBox(Random random)
    {
        var (name, width, length, height, attributes) = Classes[random.Next(Classes.Length)];
        var scale = 1 + (0.1 * Normal(random));
        return new Box(name, (random.NextDouble() * 100) - 50, (random.NextDouble() * 100) - 50, (height / 2) + (0.2 * Normal(random)),
            width * scale, length * scale, height * scale, (random.NextDouble() * 2 * Math.PI) - Math.PI,
            random.Next(1, 5), attributes.Length == 0 ? null : attributes[random.Next(attributes.Length)], random.Next(1, 2000));
    }

    private static Box Noisy(Random random, Box gold)
    {
        var attributes = Classes.First(c => c.Name == gold.Class).Attributes;
        return gold with
        {
            Class = random.NextDouble() < 0.03 ? Confusable(gold.Class) : gold.Class,
            X = gold.X + (PositionNoise * gold.Length * Normal(random)),
            Y = gold.Y + (PositionNoise * gold.Width * Normal(random)),
            Z = gold.Z + (0.05 * Normal(random)),
            Width = gold.Width * (1 + (0.04 * Normal(random))),
            Length = gold.Length * (1 + (0.04 * Normal(random))),
            Height = gold.Height * (1 + (0.04 * Normal(random))),
            Yaw = gold.Yaw + (0.05 * Normal(random)),
            Visibility = random.NextDouble() < 0.1 ? random.Next(1, 5) : gold.Visibility,
            Attribute = attributes.Length > 0 && random.NextDouble() < 0.1 ? attributes[random.Next(attributes.Length)] : gold.Attribute,
        };
    }

    /// <summary>One record as the nuScenes tables write it: tokens, quaternion [w, 0, 0, z] of the yaw, size [w, l, h].</summary>
    private static void WriteRecord(Utf8JsonWriter json, Random random, string sample, Box box)
    {
        json.WriteStartObject();
        json.WriteString("token", Token(random));
        json.WriteString("sample_token", sample);
        json.WriteString("instance_token", Token(random));
        json.WriteString("visibility_token", box.Visibility.ToString(CultureInfo.InvariantCulture));
        json.WriteStartArray("attribute_tokens");
        if (box.Attribute is not null)
        {
            json.WriteStringValue(Token(random));
        }

        json.WriteEndArray();
        json.WriteStartArray("attribute_names");
        if (box.Attribute is not null)
        {
            json.WriteStringValue(box.Attribute);
        }

        json.WriteEndArray();
        Numbers(json, "translation", box.X, box.Y, box.Z);
        Numbers(json, "size", box.Width, box.Length, box.Height);
        Numbers(json, "rotation", Math.Cos(box.Yaw / 2), 0, 0, Math.Sin(box.Yaw / 2));
        json.WriteString("prev", "");
        json.WriteString("next", "");
        json.WriteNumber("num_lidar_pts", box.LidarPoints);
        json.WriteNumber("num_radar_pts", 0);
        json.WriteString("category_name", box.Class);
        json.WriteEndObject();
    }

    private static void Numbers(Utf8JsonWriter json, string name, params double[] values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }

    private static string Token(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static int Poisson(Random random, double mean)
    {
        var (limit, k, product) = (Math.Exp(-mean), 0, random.NextDouble());
        while (product > limit)
        {
            k++;
            product *= random.NextDouble();
        }

        return k;
    }
}
