using Quality.Domain.Annotations;
using Quality.Domain.Geometry;
using Quality.Domain.Taxonomy;

namespace Quality.Domain.Tests.Taxonomy;

public sealed class TaxonomyCheckerTests
{
    private const string Yaml = """
        name: mini
        version: 1.0.0
        classes:
          vehicle:
            box2d: {minWidth: 8, minHeight: 8}
          car:
            parent: vehicle
            synonyms: [auto]
            size3d: {length: [3, 6], width: [1.5, 2.2], height: [1.2, 2.0]}
          van:
            parent: vehicle
            deprecated: {replacedBy: car}
          cone:
            box2d: {minWidth: 3, minHeight: 5, insideImage: false}
        attributes:
          occlusion: {type: ordinal, values: [none, partial, heavy], requiredFor: [vehicle]}
          speed: {type: ratio, range: [0, 70]}
        tags:
          weather: {type: nominal, values: [clear, rain, fog]}
        """;

    private static readonly ImageSize FullHd = new(1920, 1080);

    private static readonly TaxonomyChecker Checker = new(TaxonomyDocument.Parse(Yaml, "mini.yaml"));

    /// <summary>Thirteen annotations of item f1; the comment on each says what it breaks, counted by hand.</summary>
    private static readonly Annotation[] Item =
    [
        Tag(1, "weather", "rain"), // fine
        Tag(2, "weather", "snow"), // tag-value-not-allowed
        Tag(3, "lighting", "day"), // unknown-tag-field
        Object(4, "car", "o1", cuboid: Cuboid(4.5, 1.8, 1.5), occlusion: "none"), // fine
        Object(5, "auto", "o2", cuboid: Cuboid(7.0, 1.8, 2.5), occlusion: "partial"), // synonym-used, implausible-size-3d ×2 (length, height)
        Object(6, "van", "o3", box: new Box2D(0, 0, 10, 10)), // deprecated-class, missing-required-attribute (occlusion, from vehicle)
        Object(7, "car", "o1", box: new Box2D(0, 0, 5, 20), occlusion: "heavy", extra: [("speed", "80"), ("colour", "red")]),
        // ^ box-too-small (5 < 8, inherited from vehicle), attribute-value-not-allowed (speed), unknown-attribute (colour), duplicate-id
        Object(8, "tram", "o4", box: new Box2D(0, 0, 10, 10)), // unknown-class (and nothing class-specific)
        Object(9, "car", "o5", box: new Box2D(1900, 100, 30, 20), image: FullHd, occlusion: "none"), // box-outside-image (1930 > 1920 + 1)
        Object(10, "cone", "o6", box: new Box2D(-5, 0, 10, 10), image: FullHd), // fine: cones may be cut by the image edge
        Object(11, "car", "o7", cuboid: Cuboid(double.NaN, 1.8, 1.5), occlusion: "none"), // invalid-geometry
        Object(12, "car", "o1", cuboid: Cuboid(4.0, 1.8, 1.5), occlusion: "none", annotator: "a2"), // fine: ids are per annotator
        Object(13, "car", "o8", box: new Box2D(1901, 0, 20, 20), image: FullHd, occlusion: "none", extra: [("speed", "fast")]),
        // ^ inside within the 1 px tolerance; attribute-value-not-allowed (speed is not a number)
    ];

    [Fact]
    public void CheckItem_HandCountedItem_CountsEachRuleAndClass()
    {
        var tally = new ViolationTally();

        Checker.CheckItem(Item, tally);

        Assert.Equal(13, tally.AnnotationsChecked);
        Assert.Equal(15, tally.Violations);
        Assert.Equal(
        [
            new ViolationCount("attribute-value-not-allowed", "car", 2, 2),
            new ViolationCount("box-outside-image", "car", 1, 1),
            new ViolationCount("box-too-small", "car", 1, 1),
            new ViolationCount("deprecated-class", "van", 1, 1),
            new ViolationCount("duplicate-id", "car", 1, 1),
            new ViolationCount("implausible-size-3d", "auto", 2, 1),
            new ViolationCount("invalid-geometry", "car", 1, 1),
            new ViolationCount("missing-required-attribute", "van", 1, 1),
            new ViolationCount("synonym-used", "auto", 1, 1),
            new ViolationCount("tag-value-not-allowed", "weather", 1, 1),
            new ViolationCount("unknown-attribute", "car", 1, 1),
            new ViolationCount("unknown-class", "tram", 1, 1),
            new ViolationCount("unknown-tag-field", "lighting", 1, 1),
        ], tally.Counts());
    }

    [Fact]
    public void CheckItem_Messages_NameReplacementCanonicalClassAndFirstUse()
    {
        var tally = new ViolationTally();

        Checker.CheckItem(Item, tally);

        var deprecated = Assert.Single(tally.Examples(TaxonomyRules.DeprecatedClass));
        Assert.Equal("class 'van' is deprecated in mini@1.0.0; use 'car' instead", deprecated.Message);
        Assert.Equal(("f1", "a1", "d.jsonl", 6L, "o3", "label"), (deprecated.Item, deprecated.Annotator, deprecated.File, deprecated.Line, deprecated.Id, deprecated.Field));
        Assert.Equal("'auto' is a synonym of 'car'; label it 'car'", Assert.Single(tally.Examples(TaxonomyRules.SynonymUsed)).Message);
        Assert.Equal("id 'o1' was already used by annotator 'a1' on this item (line 4 of d.jsonl)", Assert.Single(tally.Examples(TaxonomyRules.DuplicateId)).Message);
        // Examples are kept in their total order, which for one annotation falls to the field: height before length.
        Assert.Equal(
            ["height 2.5 m is outside [1.2, 2] m for class 'car'", "length 7 m is outside [3, 6] m for class 'car'"],
            tally.Examples(TaxonomyRules.ImplausibleSize3d).Select(v => v.Message));
        Assert.Equal("attributes.occlusion", Assert.Single(tally.Examples(TaxonomyRules.MissingRequiredAttribute)).Field);
    }

    [Fact]
    public void CheckItem_AnnotationsOfTwoItems_Throws()
    {
        var mixed = new[] { Tag(1, "weather", "rain"), Tag(2, "weather", "rain") with { Item = "f2" } };

        Assert.Throws<ArgumentException>(() => Checker.CheckItem(mixed, new ViolationTally()));
    }

    [Fact]
    public void Check_BoxWithoutImage_SkipsTheInsideImageRule()
    {
        var far = Object(1, "car", "o1", box: new Box2D(5000, 5000, 20, 20), occlusion: "none");

        Assert.Empty(Checker.Check(far));
    }

    private static Cuboid Cuboid(double length, double width, double height) => new(10, 2, 0.8, length, width, height, 0.1);

    private static Annotation Tag(long line, string field, string value) =>
        new("f1", "a1", AnnotatorRole.Annotator, field, value, line) { File = "d.jsonl" };

    private static Annotation Object(
        long line, string label, string id, Box2D? box = null, Cuboid? cuboid = null, ImageSize? image = null, string? occlusion = null,
        (string Name, string Value)[]? extra = null, string annotator = "a1")
    {
        var attributes = (extra ?? []).ToDictionary(a => a.Name, a => a.Value);
        if (occlusion is not null)
        {
            attributes["occlusion"] = occlusion;
        }

        return new Annotation("f1", annotator, AnnotatorRole.Annotator, Annotation.DefaultField, label, line)
        {
            Id = id, Box = box, Cuboid = cuboid, Image = image, Attributes = attributes, File = "d.jsonl",
        };
    }
}
