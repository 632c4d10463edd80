using System.Text;
using Quality.Domain.Agreement;
using Quality.Domain.Audit;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Tests.Shared;
using static Quality.Domain.Tests.Formats.FormatReading;

namespace Quality.Domain.Tests.Formats;

/// <summary>The units × coders table (irr, krippendorff, ReCal), held to published alphas of the data it holds.</summary>
public sealed class UnitsByCodersCsvReaderTests
{
    private static string Krippendorff2011 => Path.Combine(Repository.Root, "tests", "Shared", "Data", "krippendorff-2011-units-by-coders.csv");

    [Fact]
    public async Task Krippendorff2011_GivesThePublishedNominalAlpha()
    {
        var audit = await AuditAsync(await File.ReadAllBytesAsync(Krippendorff2011), "k.csv");

        // Krippendorff (2011), p. 4: nominal alpha 0.743 (exactly 113/152); 41 pairable values in 11 units.
        Assert.Equal(113.0 / 152, audit.Metrics.KrippendorffAlphaNominal, 12);
        Assert.Equal((12, 4, 41), (audit.Metrics.Items, audit.Metrics.Annotators, audit.Metrics.Annotations));
    }

    [Theory]
    [InlineData(MeasurementLevel.Ordinal, 0.815)]
    [InlineData(MeasurementLevel.Interval, 0.849)]
    [InlineData(MeasurementLevel.Ratio, 0.797)]
    public async Task Krippendorff2011_AtEachLevel_GivesThePublishedAlpha(MeasurementLevel level, double published)
    {
        var audit = await AuditAsync(await File.ReadAllBytesAsync(Krippendorff2011), "k.csv", new() { ["value"] = new FieldDeclaration(level) });

        Assert.Equal(published, audit.Metrics.KrippendorffAlpha, 3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NA")]
    [InlineData("N/A")]
    [InlineData(".")]
    [InlineData("*")]
    [InlineData(" ")]
    public async Task EveryMissingMarker_IsAMissingValue(string missing)
    {
        var table = (await File.ReadAllTextAsync(Krippendorff2011)).Replace("NA", missing, StringComparison.Ordinal);

        var audit = await AuditAsync(Encoding.UTF8.GetBytes(table), "k.csv");

        Assert.Equal(113.0 / 152, audit.Metrics.KrippendorffAlphaNominal, 12);
    }

    [Fact]
    public async Task HayesKrippendorff2007NewsTone_GivesThePublishedOrdinalAlpha()
    {
        // shared/data/krippendorff-classics: 40 units x 5 observers, '.' missing; Hayes & Krippendorff (2007) report 0.7598.
        var bytes = await File.ReadAllBytesAsync(SharedData("krippendorff-classics", "news_tone_hayes2007.csv"));

        Assert.Equal("csv-wide", AnnotationFormats.Detect(bytes, "news_tone.csv").Name);
        var audit = await AuditAsync(bytes, "news_tone.csv", new() { ["value"] = new FieldDeclaration(MeasurementLevel.Ordinal) });

        Assert.Equal(0.7598, audit.Metrics.KrippendorffAlpha, 4);
        Assert.Equal(159, audit.Metrics.Annotations);
    }

    [Fact]
    public async Task DeclaredField_NamesTheValues()
    {
        var tags = await ReadTextAsync("csv-wide", "item_id,ann-01,ann-02\nf-1,fog,\n", new FileRole("t.csv", Field: "weather"));

        var tag = Assert.Single(tags);
        Assert.Equal(("f-1", "ann-01", "weather", "fog", 2L), (tag.Item, tag.Annotator, tag.Field, tag.Label, tag.Line));
    }

    [Fact]
    public async Task ExcelSavedTable_WithBomCrLfAndEmptyRows_IsReadAsTheSameTable()
    {
        var clean = await ReadTextAsync("csv-wide", "item_id,a,b\r\nf-1,x,y\r\n", new FileRole("t.csv"));
        var excel = await ReadTextAsync("csv-wide", "\uFEFFitem_id,a,b\r\nf-1,x,y\r\n,,\r\n,,\r\n", new FileRole("t.csv"));

        Assert.Equal(clean, excel);
    }

    [Theory]
    [InlineData("item;a;b\nf-1;x;y\n", 1, null, "the header is separated by ';', not commas; save the table comma-separated")]
    [InlineData("item,a,b\nf-1,x\n", 2, null, "has 2 columns; the header has 3 (the unit and 2 coders)")]
    [InlineData("item,a,a\nf-1,x,y\n", 1, "a", "names coder 'a' a second time (column 3)")]
    [InlineData("item\nf-1\n", 1, null, "the header has one column")]
    [InlineData("item,a\n,x\n", 2, "item", "must be 1 to 256 characters")]
    public async Task MalformedTable_NamesLineAndColumn(string table, long line, string? field, string problem)
    {
        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadTextAsync("csv-wide", table, new FileRole("t.csv")));

        Assert.Equal(("t.csv", line, field), (error.File, error.Line, error.Field));
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WindowsCodePageTable_SaysToSaveAsUtf8()
    {
        byte[] table = [.. "item,a\nf-1,"u8, 0xE9, .. "t\u00e9\n"u8]; // 'été' in Windows-1252 then UTF-8

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadAllAsync("csv-wide", new MemoryStream(table), new FileRole("t.csv")));

        Assert.Equal((2L, "is not valid UTF-8 at byte 4 of the line; save the table as UTF-8 (Excel: 'CSV UTF-8 (Comma delimited)', not 'CSV (Comma delimited)', which writes the Windows code page)"),
            (error.Line, error.Problem));
    }

    [Theory]
    [InlineData("item,annotator,field,value\nf,a,w,x\n", "csv")]
    [InlineData("item_id,ann-01,ann-02\nf,x,y\n", "csv-wide")]
    [InlineData("unit\tobs1\tobs2\n1\t1\t2\n", "csv-wide")]
    [InlineData("[{\"id\": 1, \"annotations\": [{\"result\": []}]}]", "label-studio")]
    public void Detection_TellsTheTwoTablesApart(string head, string format) =>
        Assert.Equal(format, AnnotationFormats.Detect(Encoding.UTF8.GetBytes(head), "t").Name);

    private static async Task<DeliveryAudit> AuditAsync(byte[] table, string file, Dictionary<string, FieldDeclaration>? levels = null)
    {
        using var reader = AnnotationFormats.Find("csv-wide")!.Open(new MemoryStream(table), new FileRole(file));
        var header = new DeliveryHeader("d", "p", "v", new TaxonomyReference("none", "0.0.0"), ["frame-tags"]);
        return await DeliveryAuditor.AuditAsync(header, reader, file, CancellationToken.None, levels: levels);
    }
}
