using System.Text.Json;
using Quality.Domain.Audit;
using Quality.Domain.Facts;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Cli.Tests.Query;

/// <summary><c>quality query</c>: where the facts come from, how answers print, and what a mistake says.</summary>
public sealed class QueryCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"quality-query-{Guid.NewGuid():N}");

    public QueryCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Objects_ReadByDuckDb_EqualTheEvidenceRowsOfTheOfflineAudit()
    {
        var sample = Repository.Sample("front-lidar-cuboids.jsonl");
        Assert.Equal(ExitCodes.Success, (await CliRun.InvokeAsync("audit", sample, "--facts", _folder)).ExitCode);
        var evidence = new List<EvidencePair>();
        await using (var stream = File.OpenRead(sample))
        {
            await DeliveryAuditor.AuditAsync(stream, "front-lidar-cuboids.jsonl", CancellationToken.None, evidence: evidence, facts: new FactCollector());
        }

        var run = await CliRun.InvokeAsync("query", "SELECT item, annotator, gold_object, annotator_object, outcome, gold_class, annotator_class, iou, range_m, range_bin, size FROM objects", "--facts", _folder, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var rows = JsonDocument.Parse(run.Output).RootElement.EnumerateArray().Select(r => JsonSerializer.Serialize(r)).Order(StringComparer.Ordinal);
        var expected = evidence.Select(e => JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["item"] = e.Item, ["annotator"] = e.Annotator, ["gold_object"] = e.GoldObject, ["annotator_object"] = e.AnnotatorObject, ["outcome"] = e.Outcome,
            ["gold_class"] = e.GoldClass, ["annotator_class"] = e.AnnotatorClass, ["iou"] = e.Iou, ["range_m"] = e.Strata!.RangeMetres,
            ["range_bin"] = e.Strata.Levels["range"], ["size"] = e.Strata.Size,
        })).Order(StringComparer.Ordinal);
        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task Text_IsAnAlignedTableWithFiguresToFourDecimals()
    {
        var run = await CliRun.InvokeAsync("query", "SELECT 'car' AS class, 2 / 3 AS rate, NULL AS note UNION ALL SELECT 'pedestrian', 1.0, 'x'", "--facts", _folder);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(
            """
            class         rate  note
            ----------  ------  ----
            car         0.6667  null
            pedestrian       1  x
            (2 rows)

            """.ReplaceLineEndings(), run.Output);
    }

    [Fact]
    public async Task Csv_QuotesWhatNeedsQuotingAndKeepsEveryDigit()
    {
        var run = await CliRun.InvokeAsync("query", "SELECT 'a,b' AS label, 'say \"hi\"' AS quote, 2 / 3 AS rate, DATE '2026-11-26' AS day, NULL AS nothing", "--facts", _folder, "--csv");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("label,quote,rate,day,nothing\n\"a,b\",\"say \"\"hi\"\"\",0.6666666666666666,2026-11-26,\n".ReplaceLineEndings(), run.Output);
    }

    [Fact]
    public async Task EmptyFolder_ViewsExistWithTheirColumnsAndNoRows()
    {
        var run = await CliRun.InvokeAsync("query", "SELECT (SELECT count(*) FROM objects) AS objects, (SELECT count(*) FROM tags) AS tags, "
            + "(SELECT count(*) FROM (DESCRIBE objects)) AS object_columns, (SELECT count(*) FROM (DESCRIBE tags)) AS tag_columns", "--facts", _folder, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        // docs/query.md's tables: objects 25 columns, tags 13, both with pipeline and date.
        Assert.Equal("""[{"objects":0,"tags":0,"object_columns":25,"tag_columns":13}]""", JsonSerializer.Serialize(JsonDocument.Parse(run.Output).RootElement));
    }

    [Fact]
    public async Task BadSql_Exits2WithDuckDbsMessage()
    {
        var run = await CliRun.InvokeAsync("query", "SELECT missed_rate FROM objects", "--facts", _folder);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("query: Binder Error: Referenced column \"missed_rate\" not found", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData(new string[0], "No facts to query: give --facts DIR")]
    [InlineData(new[] { "--facts", "/nonexistent/facts" }, "/nonexistent/facts: no such folder")]
    [InlineData(new[] { "--json", "--csv" }, "--json and --csv: choose one output")]
    public async Task UsageError_Exits2AndSaysWhat(string[] options, string message)
    {
        var run = await CliRun.InvokeAsync(["query", "SELECT 1", .. options]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditFacts_BadDate_Exits2()
    {
        var run = await CliRun.InvokeAsync("audit", Repository.Sample("krippendorff-2011.jsonl"), "--facts", _folder, "--facts-date", "26.11.2026");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("--facts-date '26.11.2026': expected a day as yyyy-MM-dd", run.Error.Trim());
    }

    [Fact]
    public async Task AuditFacts_SameFileTwice_ReplacesItsFacts()
    {
        var sample = Repository.Sample("front-camera-tags.jsonl");
        var first = await CliRun.InvokeAsync("audit", sample, "--facts", _folder, "--facts-date", "2026-11-25");
        var second = await CliRun.InvokeAsync("audit", sample, "--facts", _folder, "--facts-date", "2026-11-25");

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (first.ExitCode, second.ExitCode));
        var file = Assert.Single(Directory.GetFiles(_folder, "*.parquet", SearchOption.AllDirectories));
        Assert.Equal(Path.Combine("facts", "pipeline=front-camera-tags", "date=2026-11-25"), Path.GetDirectoryName(Path.GetRelativePath(_folder, file)));
        var count = await CliRun.InvokeAsync("query", "SELECT count(*) AS n FROM tags", "--facts", _folder, "--csv");
        Assert.Equal("n\n2603\n".ReplaceLineEndings(), count.Output); // 2693 annotations less 90 gold tags
    }

    [Fact]
    public async Task Storage_MirrorsThePipelinesFactsAndDownloadsOnlyWhatChanged()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var run = await pipeline.DeliverAndAuditAsync("front-camera-tags/acme-labeling/2026-11-25-001.jsonl", await File.ReadAllTextAsync(Repository.Sample("front-camera-tags.jsonl")));
        string[] storage = ["--storage", "--connection", pipeline.ConnectionString, "--prefix", pipeline.Prefix, "--facts", _folder, "--csv"];

        var first = await CliRun.InvokeAsync(["query", "SELECT batch_id, count(*) AS n FROM tags GROUP BY batch_id", .. storage]);
        var second = await CliRun.InvokeAsync(["query", "SELECT count(*) AS n FROM tags", .. storage]);

        Assert.True(first.ExitCode == ExitCodes.Success, first.Error);
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Equal($"batch_id,n\n{run.Id},2603\n".ReplaceLineEndings(), first.Output);
        Assert.Equal($"facts: 1 files in {_folder} (1 downloaded)", first.Error.Trim());
        Assert.Equal($"facts: 1 files in {_folder} (0 downloaded)", second.Error.Trim());
    }

    [Fact]
    public async Task Storage_NoReportsContainer_Exits1SayingSo()
    {
        var run = await CliRun.InvokeAsync("query", "SELECT 1", "--storage", "--connection", await SharedAzurite.ConnectionStringAsync(), "--prefix", TestPipeline.NewPrefix(), "--facts", _folder);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("-reports; no batch has completed there (check --connection and --prefix)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_Unreachable_Exits1()
    {
        var run = await CliRun.InvokeAsync("query", "SELECT 1", "--storage", "--connection", "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;",
            "--facts", _folder);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.StartsWith("facts from storage: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:1/devstoreaccount1", run.Error, StringComparison.Ordinal);
    }
}
