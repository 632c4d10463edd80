using Quality.Domain.Annotations;
using Quality.Domain.Formats;
using static Quality.Domain.Tests.Formats.FormatReading;

namespace Quality.Domain.Tests.Formats;

/// <summary>The ratings table, comma- or tab-separated.</summary>
public sealed class RatingsCsvReaderTests
{
    [Fact]
    public async Task Tab_separated_table_is_recognised_and_read()
    {
        const string table = "item\tannotator\tfield\tvalue\nf-1\ta-1\tweather\tfog, light\n";

        Assert.Equal("csv", AnnotationFormats.Detect(System.Text.Encoding.UTF8.GetBytes(table), "t.tsv").Name);
        var tag = Assert.Single(await ReadTextAsync("csv", table, new FileRole("t.tsv")));

        Assert.Equal(("f-1", "a-1", "weather", "fog, light"), (tag.Item, tag.Annotator, tag.Field, tag.Label));
    }

    [Fact]
    public async Task Declared_role_applies_to_every_row()
    {
        var tag = Assert.Single(await ReadTextAsync("csv", "item,annotator,field,value\nf-1,g,weather,fog\n", new FileRole("gold.csv", Role: AnnotatorRole.Gold)));

        Assert.Equal(AnnotatorRole.Gold, tag.Role);
    }
}
