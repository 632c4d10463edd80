using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Geometry;
using Quality.Domain.RootCauses;

namespace Quality.Domain.Tests.RootCauses;

public sealed class ItemStrataTests
{
    [Fact]
    public void Evidence_rows_carry_tags_class_range_size_attributes_annotator_and_delivery_metadata()
    {
        var evidence = new List<EvidencePair>();
        var audit = new BatchAudit(evidence: evidence) { Metadata = new Dictionary<string, string> { ["site"] = "sofia" } };
        // Gold says night; the annotators' majority (2 of 3) says day for weather, which has no gold tag.
        // Pedestrian at (30, 40): range √(30² + 40²) = 50 m → 40–60 m; volume 0.7 × 0.7 × 1.75 = 0.8575 m³ → 0–1 m³.
        // Car at (3, 4): range 5 m → 0–20 m; volume 4.5 × 1.9 × 1.6 = 13.68 m³ → 5–20 m³.
        var pedestrian = new Cuboid(30, 40, 0, 0.7, 0.7, 1.75, 0);
        var car = new Cuboid(3, 4, 0, 4.5, 1.9, 1.6, 0);
        audit.AddItem("d.jsonl",
        [
            Tag("gold", AnnotatorRole.Gold, "time_of_day", "night"),
            Tag("a", AnnotatorRole.Annotator, "time_of_day", "day"),
            Tag("a", AnnotatorRole.Annotator, "weather", "rain"),
            Tag("b", AnnotatorRole.Annotator, "weather", "clear"),
            Tag("c", AnnotatorRole.Annotator, "weather", "rain"),
            Object("gold", AnnotatorRole.Gold, "pedestrian", pedestrian, "2"),
            Object("gold", AnnotatorRole.Gold, "car", car, "0"),
            Object("a", AnnotatorRole.Annotator, "car", car, "1"),
        ]);

        var missed = Assert.Single(evidence, e => e.Outcome == "missed");
        Assert.Equal(new Dictionary<string, string>
        {
            ["annotator"] = "a",
            ["attribute.occlusion"] = "2",
            ["class"] = "pedestrian",
            ["delivery.site"] = "sofia",
            ["range"] = "40–60 m",
            ["size"] = "0–1 m³",
            ["tag.time_of_day"] = "night",
            ["tag.weather"] = "rain",
        }, missed.Strata!.Levels.ToDictionary()); // as a set of (stratum, level): the order is the item's, then the object's
        Assert.Equal(50, missed.Strata.RangeMetres!.Value, 12);
        Assert.Equal(0.8575, missed.Strata.Size!.Value, 12);
        var match = Assert.Single(evidence, e => e.Outcome == "match");
        // A matched pair is stratified by the gold object: its occlusion 0, not the annotator's 1.
        Assert.Equal(("car", "0–20 m", "5–20 m³", "0"),
            (match.Strata!.Levels["class"], match.Strata.Levels["range"], match.Strata.Levels["size"], match.Strata.Levels["attribute.occlusion"]));
    }

    /// <summary>
    /// One audit's items in sequence, their objects with more and fewer attributes: every row's levels are those of the
    /// item audited alone (no level of one item or object is left in the next's), and rows of equal levels share them.
    /// </summary>
    [Fact]
    public void Evidence_rows_of_items_in_sequence_have_the_levels_of_each_item_audited_alone()
    {
        IReadOnlyList<Annotation>[] items =
        [
            [
                Tag("gold", AnnotatorRole.Gold, "time_of_day", "night"),
                Object("gold", AnnotatorRole.Gold, "car", new Cuboid(3, 4, 0, 4.5, 1.9, 1.6, 0), "0") with
                {
                    Attributes = new Dictionary<string, string> { ["occlusion"] = "0", ["truncation"] = "1", ["parked"] = "yes" },
                },
                Object("gold", AnnotatorRole.Gold, "car", new Cuboid(30, 40, 0, 4.5, 1.9, 1.6, 0), "1"),
                Object("a", AnnotatorRole.Annotator, "car", new Cuboid(3, 4, 0, 4.5, 1.9, 1.6, 0), "2"),
                Object("b", AnnotatorRole.Annotator, "car", new Cuboid(3, 4, 0, 4.5, 1.9, 1.6, 0), "2"),
            ],
            [
                Tag("gold", AnnotatorRole.Gold, "weather", "rain"),
                Object("gold", AnnotatorRole.Gold, "car", new Cuboid(30, 40, 0, 4.5, 1.9, 1.6, 0), "1") with { Attributes = null },
                Object("a", AnnotatorRole.Annotator, "car", new Cuboid(3, 4, 0, 4.5, 1.9, 1.6, 0), "1"),
                Object("a", AnnotatorRole.Annotator, "car", new Cuboid(13, 4, 0, 4.5, 1.9, 1.6, 0), "1"),
            ],
        ];
        items = [.. items.Select((item, i) => (IReadOnlyList<Annotation>)[.. item.Select(a => a with { Item = $"f-{i}" })])];
        var inSequence = new List<EvidencePair>();
        var audit = new BatchAudit(evidence: inSequence);

        foreach (var item in items)
        {
            audit.AddItem("d.jsonl", item);
        }

        var alone = items.SelectMany(item =>
        {
            var evidence = new List<EvidencePair>();
            new BatchAudit(evidence: evidence).AddItem("d.jsonl", item);
            return evidence;
        }).ToList();
        // f-0: a and b each match the near car and miss the far one; f-1: a misses the gold car and adds two.
        Assert.Equal(7, inSequence.Count);
        Assert.Equal(alone.Select(Levels), inSequence.Select(Levels));
        Assert.Equal(["tag.time_of_day", "class", "annotator", "attribute.occlusion", "attribute.truncation", "attribute.parked", "range", "size"], inSequence[0].Strata!.Levels.Keys);
        // On f-1: the gold car, missed by a, has no attributes; a's two extras at 5 m and 13.6 m share their levels.
        var extras = inSequence.Where(e => e.Item == "f-1" && e.Outcome == "extra").ToList();
        Assert.Equal(2, extras.Count);
        Assert.Equal(["tag.weather=rain", "class=car", "annotator=a", "attribute.occlusion=1", "range=0–20 m", "size=5–20 m³"], Levels(extras[0]));
        Assert.Same(extras[0].Strata!.Levels, extras[1].Strata!.Levels);
        Assert.Equal(5, extras[0].Strata!.RangeMetres!.Value, 12);
        Assert.Equal(Math.Sqrt((13 * 13) + (4 * 4)), extras[1].Strata!.RangeMetres!.Value, 12);

        static string[] Levels(EvidencePair row) => [.. row.Strata!.Levels.Select(l => $"{l.Key}={l.Value}")];
    }

    [Fact]
    public void Measurements_among_the_attributes_are_not_strata()
    {
        var strata = ItemStrata.Of([], null);
        var box = Object("a", AnnotatorRole.Annotator, "car", new Cuboid(0, 0, 0, 1, 1, 1, 0), "0") with
        {
            Attributes = new Dictionary<string, string> { ["visibility"] = "4", ["num_lidar_pts"] = "41" },
            Measurements = new HashSet<string> { "num_lidar_pts" },
        };

        var levels = strata.Of(box, "a", "car").Levels;

        Assert.Equal("4", levels["attribute.visibility"]);
        Assert.DoesNotContain("attribute.num_lidar_pts", levels.Keys);
    }

    [Fact]
    public void A_tie_among_annotators_goes_to_the_ordinally_first_value()
    {
        var strata = ItemStrata.Of([Tag("a", AnnotatorRole.Annotator, "weather", "snow"), Tag("b", AnnotatorRole.Annotator, "weather", "fog")], null);

        Assert.Equal("fog", strata.Of(Object("b", AnnotatorRole.Annotator, "car", new Cuboid(0, 0, 0, 1, 1, 1, 0), "0"), "b", "car").Levels["tag.weather"]);
    }

    [Theory]
    [InlineData(19.999, "0–20 m")]
    [InlineData(20, "20–40 m")]
    [InlineData(59.9, "40–60 m")]
    [InlineData(60, "≥60 m")]
    public void Range_bins_are_closed_below(double metres, string bin) => Assert.Equal(bin, StratumBins.Range(metres));

    [Theory]
    [InlineData(1023, "small (<32² px)")]
    [InlineData(1024, "medium (32²–96² px)")]
    [InlineData(9216, "large (≥96² px)")]
    public void Box_sizes_are_cocos(double area, string bin) => Assert.Equal(bin, StratumBins.BoxSize(area));

    private static Annotation Tag(string annotator, AnnotatorRole role, string field, string value) => new("f-1", annotator, role, field, value, 1);

    private static Annotation Object(string annotator, AnnotatorRole role, string label, Cuboid cuboid, string occlusion) =>
        new("f-1", annotator, role, Annotation.DefaultField, label, 2)
        {
            Cuboid = cuboid,
            Attributes = new Dictionary<string, string> { ["occlusion"] = occlusion },
        };
}
