using Quality.Domain.Agreement;
using Quality.Domain.Taxonomy;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Taxonomy;

public sealed class TaxonomyDocumentTests
{
    private const string Minimal = """
        name: mini
        version: 2.3.4
        classes:
          vehicle:
            box2d: {minWidth: 8}
          car:
            parent: vehicle
            synonyms: [auto]
            size3d: {length: [3, 6]}
        attributes:
          occlusion:
            type: ordinal
            values: [none, partial, heavy]
            requiredFor: [vehicle]
        tags:
          weather:
            type: nominal
            values: [clear, rain, fog]
        """;

    [Fact]
    public void Parse_Minimal_ReadsClassesAttributesAndTags()
    {
        var taxonomy = TaxonomyDocument.Parse(Minimal, "mini.yaml");

        Assert.Equal("mini@2.3.4", taxonomy.ToString());
        Assert.Equal(new SemanticVersion(2, 3, 4), taxonomy.Version);
        Assert.Equal(["vehicle", "car"], taxonomy.Classes.Select(c => c.Name));
        Assert.Equal("vehicle", taxonomy.Class("car")!.Parent);
        Assert.Equal(new ClassResolution(taxonomy.Class("car")!, ViaSynonym: true), taxonomy.Resolve("auto"));
        Assert.Null(taxonomy.Resolve("truck"));
        Assert.Equal(["none", "partial", "heavy"], taxonomy.Attribute("occlusion")!.Values!);
        Assert.Equal(["vehicle"], taxonomy.Attribute("occlusion")!.RequiredFor);
    }

    [Fact]
    public void Hierarchy_ChildInheritsUnsetLimitsAndRequiredAttributes()
    {
        var taxonomy = TaxonomyDocument.Parse(Minimal, "mini.yaml");

        var car = taxonomy.PlausibilityOf("car");
        Assert.Equal(8, car.MinBoxWidth);
        Assert.Equal(new ValueRange(3, 6), car.Length);
        Assert.Null(car.Width);
        Assert.Null(taxonomy.PlausibilityOf("vehicle").Length);
        Assert.Equal(["occlusion"], taxonomy.RequiredAttributesOf("car").Select(a => a.Name));
    }

    [Fact]
    public void Fields_MapsAttributesAndTagsToDeclarations()
    {
        var fields = TaxonomyDocument.Parse(Minimal, "mini.yaml").Fields();

        Assert.Equal(["occlusion", "weather"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(MeasurementLevel.Ordinal, fields["occlusion"].Level);
        Assert.Equal(["none", "partial", "heavy"], fields["occlusion"].Values!);
        Assert.Equal(MeasurementLevel.Nominal, fields["weather"].Level);
    }

    [Theory]
    [InlineData("driving@1.0.0.yaml", "driving@1.0.0", 12, 5, 3)]
    [InlineData("driving@1.1.0.yaml", "driving@1.1.0", 13, 5, 3)]
    public void Parse_Samples_AreValid(string file, string name, int classes, int attributes, int tags)
    {
        var taxonomy = TaxonomyDocument.Parse(File.ReadAllText(Repository.Sample(Path.Combine("taxonomies", file))), file);

        Assert.Equal(name, taxonomy.ToString());
        Assert.Equal((classes, attributes, tags), (taxonomy.Classes.Count, taxonomy.Attributes.Count, taxonomy.Tags.Count));
    }

    // Each case: the document, then the line, column and path the error must name, and a word of the problem.
    [Theory]
    [InlineData("name: mini\nversion: 1.0\nclasses:\n  car:\n", 2, 10, "version", "major.minor.patch")]
    [InlineData("name: mini bus\nversion: 1.0.0\nclasses:\n  car:\n", 1, 7, "name", "safe name")]
    [InlineData("name: mini\nversion: 1.0.0\nclases:\n  car:\n", 3, 1, "clases", "unknown key 'clases'")]
    [InlineData("name: mini\nversion: 1.0.0\nclasses:\n  car:\n    sise3d: {length: [1, 2]}\n", 5, 5, "classes.car.sise3d", "unknown key")]
    [InlineData("name: mini\nversion: 1.0.0\nclasses:\n  car:\n    parent: vehicel\n", 5, 13, "classes.car.parent", "'vehicel' is not a class")]
    [InlineData("name: mini\nversion: 1.0.0\nclasses:\n  a:\n    parent: b\n  b:\n    parent: a\n", 5, 13, "classes.a.parent", "cycle: a -> b -> a")]
    [InlineData("name: mini\nversion: 1.0.0\nclasses:\n  a:\n    synonyms: [x, b]\n  b:\n", 5, 19, "classes.a.synonyms[1]", "is the name of a class")]
    [InlineData("name: mini\nversion: 1.0.0\nclasses:\n  a:\n    synonyms: [x]\n  b:\n    synonyms: [x]\n", 7, 16, "classes.b.synonyms[0]", "already a synonym of 'a'")]
    [InlineData("name: mini\nversion: 1.0.0\nclasses:\n  a:\n    deprecated: {replacedBy: b}\n  b:\n    deprecated: {replacedBy: c}\n  c:\n", 5, 30, "classes.a.deprecated.replacedBy", "itself deprecated")]
    [InlineData("name: mini\nversion: 1.0.0\nclasses:\n  a:\n    deprecated: {replacedBy: z}\n", 5, 30, "classes.a.deprecated.replacedBy", "not a class")]
    [InlineData("name: mini\nversion: 1.0.0\nclasses:\n  a:\n    size3d:\n      length: [5, 2]\n", 6, 15, "classes.a.size3d.length", "min 5 is greater than max 2")]
    [InlineData("name: mini\nversion: 1.0.0\nclasses:\n  a:\n    size3d:\n      height: [-1, 2]\n", 6, 16, "classes.a.size3d.height", "negative")]
    [InlineData("name: mini\nversion: 1.0.0\nclasses:\n  a:\n    box2d: {minWidth: x}\n", 5, 23, "classes.a.box2d.minWidth", "not a finite number")]
    [InlineData("name: mini\nversion: 1.0.0\nclasses:\n  a:\nattributes:\n  speed:\n    type: ratio\n    values: [1, 2]\n", 8, 13, "attributes.speed.values", "takes a 'range'")]
    [InlineData("name: mini\nversion: 1.0.0\nclasses:\n  a:\nattributes:\n  pose:\n    type: nominal\n    range: [0, 1]\n", 8, 12, "attributes.pose.range", "takes 'values'")]
    [InlineData("name: mini\nversion: 1.0.0\nclasses:\n  a:\nattributes:\n  pose:\n    type: categorical\n", 7, 11, "attributes.pose.type", "not one of nominal")]
    [InlineData("name: mini\nversion: 1.0.0\nclasses:\n  a:\nattributes:\n  pose:\n    type: nominal\n    requiredFor: [a, b]\n", 8, 22, "attributes.pose.requiredFor[1]", "'b' is not a class")]
    [InlineData("name: mini\nversion: 1.0.0\nclasses:\n  a:\nattributes:\n  pose:\n    type: nominal\n    values: [x, y, x]\n", 8, 20, "attributes.pose.values[2]", "listed twice")]
    [InlineData("name: mini\nversion: 1.0.0\nclasses:\n  a:\nattributes:\n  w:\n    type: nominal\ntags:\n  w:\n    type: nominal\n", 9, 3, "tags.w", "also an attribute")]
    [InlineData("name: mini\nversion: 1.0.0\nclasses:\n  a:\ntags:\n  w:\n    type: nominal\n    requiredFor: [a]\n", 8, 5, "tags.w.requiredFor", "unknown key")]
    [InlineData("name: mini\nversion: 1.0.0\nclasses:\n  a:\n  a:\n", 5, 3, "", "Duplicate key")]
    [InlineData("name: mini\nversion: 1.0.0\n", 1, 1, "", "'classes' is required")]
    public void Parse_InvalidDocument_NamesLineColumnAndPath(string yaml, int line, int column, string path, string problem)
    {
        var e = Assert.Throws<TaxonomyFormatException>(() => TaxonomyDocument.Parse(yaml, "t.yaml"));

        Assert.Equal(("t.yaml", line, column, path), (e.File, e.Line, e.Column, e.Path));
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_NamesFileLineColumnAndPath()
    {
        var e = Assert.Throws<TaxonomyFormatException>(() => TaxonomyDocument.Parse("name: mini\nversion: 1.0.0\nclasses:\n  car:\n    parent: x\n", "t.yaml"));

        Assert.Equal("t.yaml line 5, column 13, at 'classes.car.parent': 'x' is not a class of this taxonomy", e.Message);
    }
}
