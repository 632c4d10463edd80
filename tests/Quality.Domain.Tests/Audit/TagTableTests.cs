using System.Text;
using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Csv;

namespace Quality.Domain.Tests.Audit;

/// <summary>
/// A ratings table audited from its bytes (<see cref="TagTable"/>, what <see cref="DeliveryAuditor"/> does for a
/// ratings CSV) gives what auditing its annotations one by one gives: the same state, figures and errors.
/// </summary>
public sealed class TagTableTests
{
    private static readonly DeliveryHeader Header = new("t", "local", "local", new TaxonomyReference("none", "0.0.0"), ["frame-tags"]);

    [Fact]
    public async Task AuditAsync_TwoAnnotatorsThreeItems_AlphaIsTheHandComputedFourNinths()
    {
        // i1: x,x; i2: x,y; i3: y,y (i3's first row before the others: a file need not be sorted by item).
        // Coincidences o_xx = 2, o_xy = o_yx = 1, o_yy = 2; n_x = n_y = 3, n = 6.
        // α = 1 − (n − 1)·Σ_{c≠k} o_ck / (n² − Σ n_c²) = 1 − 5·2 / (36 − 18) = 4/9.
        const string table = "item,annotator,field,value\ni3,b,weather,y\ni1,a,weather,x\ni1,b,weather,x\ni2,a,weather,x\ni2,b,weather,y\ni3,a,weather,y\n";

        var audit = await AuditAsync(table);

        Assert.Equal(4.0 / 9, audit.Result.Suites["weather"].Alpha.Value, 12);
        Assert.Equal((3L, 2L, 6L), (audit.Metrics.Items, audit.Metrics.Annotators, audit.Metrics.Annotations));
    }

    [Theory]
    [InlineData(AnnotatorRole.Annotator, true)]
    [InlineData(AnnotatorRole.Annotator, false)]
    [InlineData(AnnotatorRole.Gold, true)]
    public async Task AddTo_QuotesUnicodeTwoFields_SameStateAndFiguresAsAnnotationByAnnotation(AnnotatorRole role, bool shuffled)
    {
        // 300 items, each (annotator, field) at most once, values of every kind a table holds, rows shuffled or item by
        // item, blank rows between.
        string[] annotators = ["a1", "\"a,2\"", "ännotator-3"];
        string[] fields = ["weather", "\"time of day\""];
        string[] values = ["fog", "\"fog, light\"", "näbel", "\"say \"\"clear\"\"\""];
        var random = new Random(5);
        var rows = new List<string>();
        for (var item = 0; item < 300; item++)
        {
            foreach (var annotator in annotators)
            {
                foreach (var field in fields.Where(_ => random.NextDouble() < 0.8))
                {
                    rows.Add($"item-{item},{annotator},{field},{values[random.Next(values.Length)]}");
                }
            }
        }

        if (shuffled)
        {
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
        }

        rows.Insert(rows.Count / 2, ",,,");
        rows.Insert(rows.Count / 3, "");
        var table = "item,annotator,field,value\n" + string.Join('\n', rows) + "\n";

        var fast = await AddToAsync(table, role);
        var slow = await AuditOneByOneAsync(table, role);

        Assert.Equal(ReportJson.Serialize(slow.ToState()), ReportJson.Serialize(fast.ToState()));
        Assert.Equal(
            ReportJson.Serialize(AgreementSuiteView.From(slow.Finish(Header.Field, Bootstrap), Bootstrap)),
            ReportJson.Serialize(AgreementSuiteView.From(fast.Finish(Header.Field, Bootstrap), Bootstrap)));
    }

    [Theory]
    [InlineData("item,annotator,field,value\ni1,a,weather,x\ni2,a,weather,y\ni1,a,weather,z\n")]
    [InlineData("item,annotator,field,value\ni1,a,weather,x\n\ni1,b,weather,y\n,,,\ni1,a,weather,z\n")]
    [InlineData("item,annotator,field,value\ni1,a,weather,x\ni2,a,weather\n")]
    [InlineData("item,annotator,field,value\ni1,a,weather,x\ni2,a,weather,\"open\n")]
    [InlineData("item,annotator,field,value\ni1,a,weather,x\ni2,a,weather,x\u0001\n")]
    [InlineData("item,annotator,field,value\ni1,a,weather,1.5\ni2,a,weather,two\ni3,a,weather,\"x\n")]
    public async Task AuditAsync_BadTable_SameErrorAsAnnotationByAnnotation(string table)
    {
        var levels = new Dictionary<string, FieldDeclaration> { ["weather"] = new FieldDeclaration(MeasurementLevel.Interval) };
        var expected = await Assert.ThrowsAsync<DeliveryFormatException>(() => AuditOneByOneAsync(table, AnnotatorRole.Annotator, levels));

        var actual = await Assert.ThrowsAsync<DeliveryFormatException>(() => AuditAsync(table, AnnotatorRole.Annotator, levels));

        Assert.Equal(expected.Message, actual.Message);
    }

    [Fact]
    public async Task AuditAsync_SecondValueOfAnAnnotator_NamesBothLines()
    {
        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => AuditAsync("item,annotator,field,value\ni1,a,weather,x\ni2,a,weather,y\ni1,a,weather,z\n"));

        Assert.Equal("t.csv line 4, field 'field': annotator 'a' already tagged 'weather' of item 'i1' on line 2; one value per annotator, item and field", error.Message);
    }

    private static readonly string[] GroupedAnnotators = ["a1", "\"a,2\"", "ännotator-3"];
    private static readonly string[] GroupedFields = ["weather", "light"];
    private static readonly string[] GroupedValues = ["fog", "\"fog, light\"", "näbel"];

    [Theory]
    [InlineData(AnnotatorRole.Annotator)]
    [InlineData(AnnotatorRole.Gold)]
    public async Task AddTo_GroupingAsRead_SameStateAsStoringTheRows(AnnotatorRole role)
    {
        // Items whole (each item's rows together, items in no order), two fields, quoted and Unicode names, blank rows.
        var random = new Random(11);
        var rows = Enumerable.Range(0, 300).OrderBy(_ => random.Next()).SelectMany(item =>
            from annotator in GroupedAnnotators
            from field in GroupedFields
            where random.NextDouble() < 0.8
            select $"item-{item},{annotator},{field},{GroupedValues[random.Next(GroupedValues.Length)]}").ToList();
        rows.Insert(rows.Count / 2, ",,,");
        var table = "item,annotator,field,value\n" + string.Join('\n', rows) + "\n";

        var stored = await AddToAsync(table, role);
        var grouped = new BatchAudit();
        var tags = new TagTable(Header, "t.csv", role, "value", groupAsRead: true);
        Assert.True(ReadBlock(tags, table));
        tags.AddTo(grouped);

        Assert.Equal(ReportJson.Serialize(stored.ToState()), ReportJson.Serialize(grouped.ToState()));
        Assert.Equal((300L, rows.Count - 1L), (grouped.Items, grouped.Annotations));
    }

    [Theory]
    [InlineData("i1,a,weather,x\ni1,b,weather,x\ni2,a,weather,y\ni1,c,weather,z\n", 4)] // i1 again after i2
    [InlineData("i1,a,weather,x\ni2,a,weather,y\ni2,b,weather,y\ni2,a,weather,z\n", 4)] // a tags i2's weather twice
    public void Add_GroupingAsReadRowOutOfPlace_ReturnsFalseAtThatRow(string rows, int refusedRow)
    {
        var tags = new TagTable(Header, "t.csv", AnnotatorRole.Annotator, "value", groupAsRead: true);
        var added = rows.TrimEnd('\n').Split('\n').Select((row, i) =>
        {
            var cells = row.Split(',').Select(Encoding.UTF8.GetBytes).ToArray();
            return tags.Add(cells[0], cells[1], cells[2], cells[3], i + 2);
        }).ToList();

        Assert.Equal(Enumerable.Range(1, added.Count).Select(r => r != refusedRow), added);
    }

    /// <summary>The rows after the header of <paramref name="table"/>, read as a block.</summary>
    private static bool ReadBlock(TagTable tags, string table)
    {
        var bytes = Encoding.UTF8.GetBytes(table);
        var rows = Array.IndexOf(bytes, (byte)'\n') + 1;
        using var reader = RatingsCsvReader.Continuing(Stream.Null, "t.csv", AnnotatorRole.Annotator, ','); // the table holds the role
        return reader.ReadBlockInto(tags, bytes.AsSpan(rows));
    }

    private static readonly BootstrapOptions Bootstrap = new() { Seed = 3, Replicates = 200 };

    private static async Task<DeliveryAudit> AuditAsync(string table, AnnotatorRole role = AnnotatorRole.Annotator, IReadOnlyDictionary<string, FieldDeclaration>? levels = null)
    {
        using var reader = new RatingsCsvReader(new MemoryStream(Encoding.UTF8.GetBytes(table)), "t.csv", role);
        return await DeliveryAuditor.AuditAsync(Header, reader, "t.csv", CancellationToken.None, Bootstrap, levels, labelField: "value");
    }

    /// <summary>The general path: every row an <see cref="Annotation"/>, checked, grouped by item and added whole.</summary>
    private static async Task<BatchAudit> AuditOneByOneAsync(string table, AnnotatorRole role, IReadOnlyDictionary<string, FieldDeclaration>? levels = null)
    {
        using var reader = new RatingsCsvReader(new MemoryStream(Encoding.UTF8.GetBytes(table)), "t.csv", role);
        var header = Header with { Fields = levels ?? new Dictionary<string, FieldDeclaration>() };
        return await BatchAuditReader.ReadAsync(header.Checking(reader.ReadAsync, "t.csv", "value"), "t.csv", CancellationToken.None);
    }

    private static async Task<BatchAudit> AddToAsync(string table, AnnotatorRole role)
    {
        using var reader = new RatingsCsvReader(new MemoryStream(Encoding.UTF8.GetBytes(table)), "t.csv", role);
        var tags = new TagTable(Header, "t.csv", role, "value");
        await reader.ReadIntoAsync(tags, CancellationToken.None);
        var audit = new BatchAudit();
        tags.AddTo(audit);
        return audit;
    }
}
