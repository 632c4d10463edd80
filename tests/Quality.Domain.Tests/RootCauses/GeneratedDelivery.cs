using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Geometry;
using Quality.Domain.RootCauses;

namespace Quality.Domain.Tests.RootCauses;

/// <summary>
/// A seeded lidar delivery with a gold key on every item and five annotators who err at known rates: each gold object
/// is missed with probability <see cref="MissRate"/> (times the planted factor where <see cref="Planted"/> says so),
/// else drawn with a small jitter, misclassified with 3%, its occlusion changed with 5%, and drawn a quarter of its
/// length off (IoU 0.6, a localisation error) with 5%; an annotator adds an extra object (any class, range and occlusion) on 10% of items.
/// </summary>
internal sealed record GeneratedDelivery
{
    public static readonly string[] Annotators = ["ann-01", "ann-02", "ann-03", "ann-04", "ann-05"];

    private static readonly (string Class, double Length, double Width, double Height)[] Classes =
        [("car", 4.5, 1.9, 1.6), ("pedestrian", 0.7, 0.7, 1.75), ("cyclist", 1.8, 0.6, 1.7), ("truck", 8, 2.5, 3.2)];

    public int Items { get; init; } = 120;

    public int ObjectsPerItem { get; init; } = 6;

    public double MissRate { get; init; } = 0.06;

    /// <summary>Where the miss rate is multiplied: (the item's time of day, the annotator, the gold class, range in metres).</summary>
    public Func<string, string, string, double, bool> Planted { get; init; } = (_, _, _, _) => false;

    public double PlantedFactor { get; init; } = 3;

    private static readonly Dictionary<string, string> Metadata = new() { ["site"] = "sofia" };

    /// <summary>The delivery's evidence rows with their strata, as the audit makes them (matching, consensus and all).</summary>
    public List<EvidencePair> Evidence(int seed)
    {
        var evidence = new List<EvidencePair>();
        var audit = new BatchAudit(evidence: evidence) { Metadata = Metadata };
        foreach (var annotations in Generate(seed))
        {
            audit.AddItem("generated.jsonl", annotations);
        }

        return evidence;
    }

    /// <summary>
    /// The same rows without the audit's matching: an annotator object is drawn from the gold object of the same index
    /// (ids <c>{annotator}-{k}</c> and <c>gold-{k}</c>) and objects never overlap across sectors, so this is the matching's
    /// answer, at a fraction of the cost — for simulating hundreds of deliveries.
    /// </summary>
    public List<EvidencePair> DirectEvidence(int seed)
    {
        var evidence = new List<EvidencePair>();
        foreach (var annotations in Generate(seed))
        {
            var strata = ItemStrata.Of(annotations, Metadata);
            var gold = annotations.Where(a => a.Role == AnnotatorRole.Gold && !a.IsTag).ToDictionary(a => a.Id!);
            foreach (var byAnnotator in annotations.Where(a => a.Role == AnnotatorRole.Annotator).GroupBy(a => a.Annotator))
            {
                var drawn = byAnnotator.ToDictionary(a => a.Id!);
                foreach (var (id, g) in gold)
                {
                    var given = drawn.GetValueOrDefault(byAnnotator.Key + id["gold".Length..]);
                    var outcome = given is null ? "missed" : given.Label == g.Label ? "match" : "misclassified";
                    evidence.Add(new EvidencePair(g.Item, "cuboid", outcome, "gold-key", id, byAnnotator.Key, given?.Id, g.Label, given?.Label,
                        given is null ? null : IntersectionOverUnion.Of(g.Cuboid!, given.Cuboid!, CuboidIouMode.ThreeD),
                        given is null || given.Attributes!["occlusion"] == g.Attributes!["occlusion"] ? null
                            : new Dictionary<string, string?[]> { ["occlusion"] = [g.Attributes["occlusion"], given.Attributes["occlusion"]] })
                    { Strata = strata.Of(g, byAnnotator.Key, g.Label) });
                }

                foreach (var extra in drawn.Values.Where(a => a.Id!.EndsWith("-x", StringComparison.Ordinal)))
                {
                    evidence.Add(new EvidencePair(extra.Item, "cuboid", "extra", null, null, byAnnotator.Key, extra.Id, null, extra.Label, null, null)
                    { Strata = strata.Of(extra, byAnnotator.Key, extra.Label) });
                }
            }
        }

        return evidence;
    }

    private IEnumerable<List<Annotation>> Generate(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Items; i++)
        {
            var item = $"sweep-{i:D4}";
            var time = random.NextDouble() < 1.0 / 3 ? "night" : "day";
            var weather = random.NextDouble() < 0.3 ? "rain" : "clear";
            var annotations = new List<Annotation>
            {
                new(item, "gold-key", AnnotatorRole.Gold, "time_of_day", time, 1),
                new(item, "gold-key", AnnotatorRole.Gold, "weather", weather, 1),
            };
            var gold = Enumerable.Range(0, ObjectsPerItem).Select(k =>
            {
                var (name, length, width, height) = Classes[random.Next(Classes.Length)];
                // Objects on a ring sector each: 60° apart, so two never overlap.
                var (range, angle) = (2 + (78 * random.NextDouble()), (k * Math.PI / 3) + (0.5 * random.NextDouble()));
                var cuboid = new Cuboid(range * Math.Cos(angle), range * Math.Sin(angle), 0, length, width, height, angle);
                return Object(item, "gold-key", AnnotatorRole.Gold, $"gold-{k}", name, cuboid, random.Next(3).ToString(System.Globalization.CultureInfo.InvariantCulture), range);
            }).ToList();
            annotations.AddRange(gold.Select(g => g.Annotation));
            foreach (var annotator in Annotators)
            {
                foreach (var ((g, range), k) in gold.Select((g, k) => (g, k)))
                {
                    var miss = MissRate * (Planted(time, annotator, g.Label, range) ? PlantedFactor : 1);
                    if (random.NextDouble() < miss)
                    {
                        continue;
                    }

                    var c = g.Cuboid!;
                    var shift = random.NextDouble() < 0.05 ? 0.25 * c.Length : 0.02 * random.NextDouble();
                    var label = random.NextDouble() < 0.03 ? Classes[random.Next(Classes.Length)].Class : g.Label;
                    var occlusion = random.NextDouble() < 0.05 ? "9" : g.Attributes!["occlusion"];
                    var drawn = c with { X = c.X + (shift * Math.Cos(c.Yaw)), Y = c.Y + (shift * Math.Sin(c.Yaw)) };
                    annotations.Add(Object(item, annotator, AnnotatorRole.Annotator, $"{annotator}-{k}", label, drawn, occlusion, range).Annotation);
                }

                if (random.NextDouble() < 0.1)
                {
                    // Class, range and occlusion drawn as the gold objects' are (so no stratum has more extras by design), in
                    // the gap between two gold sectors, so it rarely overlaps a gold object.
                    var (name, length, width, height) = Classes[random.Next(Classes.Length)];
                    var (range, angle) = (2 + (78 * random.NextDouble()), (random.Next(6) * Math.PI / 3) + 0.78);
                    var cuboid = new Cuboid(range * Math.Cos(angle), range * Math.Sin(angle), 0, length, width, height, angle);
                    annotations.Add(Object(item, annotator, AnnotatorRole.Annotator, $"{annotator}-x", name, cuboid, random.Next(3).ToString(System.Globalization.CultureInfo.InvariantCulture), range).Annotation);
                }
            }

            yield return annotations;
        }
    }

    private static (Annotation Annotation, double Range) Object(
        string item, string annotator, AnnotatorRole role, string id, string label, Cuboid cuboid, string occlusion, double range) =>
        (new Annotation(item, annotator, role, Annotation.DefaultField, label, 1)
        {
            Id = id,
            Cuboid = cuboid,
            Attributes = new Dictionary<string, string> { ["occlusion"] = occlusion },
        }, range);
}
