using Quality.Domain.Taxonomy;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Taxonomy;

public sealed class TaxonomyDiffTests
{
    private static Quality.Domain.Taxonomy.Taxonomy Sample(string version) =>
        TaxonomyDocument.Parse(File.ReadAllText(Repository.Sample(Path.Combine("taxonomies", $"driving@{version}.yaml"))), version);

    private static Quality.Domain.Taxonomy.Taxonomy Mini(string version, string classes, string attributes = "") =>
        TaxonomyDocument.Parse($"name: mini\nversion: {version}\nclasses:\n{classes}{(attributes.Length > 0 ? "attributes:\n" + attributes : "")}", "mini.yaml");

    [Fact]
    public void Compare_Samples_ListsTheFourMinorChanges()
    {
        var diff = TaxonomyDiff.Compare(Sample("1.0.0"), Sample("1.1.0"));

        Assert.Equal(
        [
            ("class-plausibility-changed", "car", VersionBump.Minor),
            ("class-deprecated", "van", VersionBump.Minor),
            ("class-added", "personal-mobility-rider", VersionBump.Minor),
            ("tag-field-values-changed", "weather", VersionBump.Minor),
        ], diff.Changes.Select(c => (c.Kind, c.Subject, c.Requires)));
        Assert.Equal("class 'van' is deprecated; replaced by 'car'", diff.Changes[1].Description);
        Assert.Equal("class 'car' plausibility: length [2.5, 6.5] -> [2.5, 7.5]; height [1, 2.5] -> [1, 3]", diff.Changes[0].Description);
        Assert.Equal((VersionBump.Minor, VersionBump.Minor, true), (diff.Required, diff.Actual, diff.IsBumpConsistent));
    }

    [Fact]
    public void Compare_ClassRemovedUnderMinorBump_IsFlagged()
    {
        var diff = TaxonomyDiff.Compare(Mini("1.0.0", "  a:\n  b:\n"), Mini("1.1.0", "  a:\n"));

        Assert.Equal(("class-removed", "b", VersionBump.Major), Assert.Single(diff.Changes.Select(c => (c.Kind, c.Subject, c.Requires))));
        Assert.Equal("the changes need a major version bump; 1.0.0 -> 1.1.0 is a minor bump", diff.BumpProblem);
    }

    [Fact]
    public void Compare_ValuesNarrowedUnderMajorBump_IsConsistent()
    {
        var from = Mini("1.4.2", "  a:\n", "  pose:\n    type: nominal\n    values: [x, y, z]\n");
        var to = Mini("2.0.0", "  a:\n", "  pose:\n    type: nominal\n    values: [x, y, w]\n");

        var diff = TaxonomyDiff.Compare(from, to);

        var change = Assert.Single(diff.Changes);
        Assert.Equal(("attribute-values-changed", "attribute 'pose' values +w, -z", VersionBump.Major), (change.Kind, change.Description, change.Requires));
        Assert.True(diff.IsBumpConsistent);
    }

    [Theory]
    [InlineData("    type: ratio\n    range: [0, 10]\n", "    type: ratio\n    range: [0, 20]\n", "attribute-range-changed", VersionBump.Minor)]
    [InlineData("    type: ratio\n    range: [0, 10]\n", "    type: ratio\n    range: [1, 10]\n", "attribute-range-changed", VersionBump.Major)]
    [InlineData("    type: nominal\n", "    type: nominal\n    requiredFor: [a]\n", "attribute-required-changed", VersionBump.Major)]
    [InlineData("    type: ordinal\n    values: [x, y]\n", "    type: ordinal\n    values: [y, x]\n", "attribute-values-changed", VersionBump.Major)]
    [InlineData("    type: ordinal\n", "    type: interval\n", "attribute-type-changed", VersionBump.Major)]
    [InlineData("    type: nominal\n", "    type: nominal\n    description: new\n", "attribute-description-changed", VersionBump.Patch)]
    public void Compare_AttributeChange_RequiresTheBumpItsEffectNeeds(string before, string after, string kind, VersionBump requires)
    {
        var diff = TaxonomyDiff.Compare(Mini("1.0.0", "  a:\n", "  f:\n" + before), Mini("1.0.1", "  a:\n", "  f:\n" + after));

        Assert.Equal((kind, requires), Assert.Single(diff.Changes.Select(c => (c.Kind, c.Requires))));
        Assert.Equal(requires <= VersionBump.Patch, diff.IsBumpConsistent);
    }

    [Fact]
    public void Compare_ParentLimitNarrowed_ShowsOnTheChildThatInheritsIt()
    {
        var from = Mini("1.0.0", "  v:\n    size3d: {length: [1, 9]}\n  car:\n    parent: v\n");
        var to = Mini("2.0.0", "  v:\n    size3d: {length: [1, 8]}\n  car:\n    parent: v\n");

        var diff = TaxonomyDiff.Compare(from, to);

        Assert.Equal(["v", "car"], diff.Changes.Select(c => c.Subject));
        Assert.All(diff.Changes, c => Assert.Equal(VersionBump.Major, c.Requires));
    }

    [Fact]
    public void Compare_SameVersionWithChanges_IsFlagged()
    {
        var diff = TaxonomyDiff.Compare(Mini("1.0.0", "  a:\n"), Mini("1.0.0", "  a:\n  b:\n"));

        Assert.Equal("the changes need a minor version bump; 1.0.0 -> 1.0.0 is none", diff.BumpProblem);
    }
}
