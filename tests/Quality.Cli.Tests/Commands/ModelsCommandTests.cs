using System.Text.Json;
using Quality.Tests.Shared;

namespace Quality.Cli.Tests.Commands;

/// <summary>
/// <c>quality models compare</c> and <c>correlate</c> on samples/model-linkage, in process: the ranking its README
/// documents, with figures recomputed independently from the committed audits' confusion matrices.
/// </summary>
public sealed class ModelsCommandTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "samples", "model-linkage");
    private static readonly string Audits = Path.Combine(Folder, "audits");

    /// <summary>The committed audits are what <c>quality audit --json</c> prints for the deliveries today.</summary>
    [Theory]
    [InlineData("lidar-d01")]
    [InlineData("lidar-d02")]
    [InlineData("lidar-d03")]
    [InlineData("lidar-d04")]
    [InlineData("lidar-d05")]
    [InlineData("lidar-d06")]
    [InlineData("lidar-d07")]
    public async Task Audits_AreTheAuditCommandsOutput(string delivery)
    {
        var run = await CliRun.InvokeAsync("audit", Path.Combine(Folder, "deliveries", delivery + ".jsonl"), "--json",
            "--standard", Repository.Sample(Path.Combine("standards", "front-lidar-cuboids.yaml")), "--taxonomy", Repository.Sample(Path.Combine("taxonomies", "driving@2.0.0.yaml")));

        Assert.Equal(ExitCodes.Success, run.ExitCode); // stderr may carry progress on a slow machine
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Audits, delivery + ".json")), run.Output);
    }

    /// <summary>
    /// Pedestrian gold errors read from the audits' confusion (row sum − diagonal), as samples/model-linkage/README.md
    /// lists them: v41's training data d01–d03 2 + 9 + 3 = 14 of 288; added d04 and d05 3 + 25 = 28 of 192. Newcombe's
    /// interval of 28/192 − 14/288 = 0.0972…, computed in Python 3.11 (Wilson with NormalDist().inv_cdf(0.975)):
    /// [0.04404991779393991, 0.15731572862618104].
    /// </summary>
    [Fact]
    public async Task Compare_Sample_ReproducesTheDocumentedRanking()
    {
        var run = await CliRun.InvokeAsync("models", "compare", Path.Combine(Folder, "v41.json"), Path.Combine(Folder, "v42.json"), "--audits", Audits, "--json");

        Assert.Equal((ExitCodes.Success, ""), (run.ExitCode, run.Error));
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        var classes = root.GetProperty("classes").EnumerateArray().ToList();
        Assert.Equal(["pedestrian", "truck", "car", "cyclist"], classes.Select(c => c.GetProperty("class").GetString()));
        Assert.Equal(["explained", "notSignificant", "notSignificant", "noDrop"], classes.Select(c => c.GetProperty("explanation").GetString()));
        var labels = classes[0].GetProperty("labelErrors");
        Assert.Equal((14, 288), (labels.GetProperty("before").GetProperty("errors").GetInt64(), labels.GetProperty("before").GetProperty("gold").GetInt64()));
        Assert.Equal((28, 192), (labels.GetProperty("added").GetProperty("errors").GetInt64(), labels.GetProperty("added").GetProperty("gold").GetInt64()));
        Assert.Equal(28.0 / 192 - 14.0 / 288, labels.GetProperty("difference").GetDouble(), 12);
        Assert.Equal(0.04404991779393991, labels.GetProperty("differenceCi95")[0].GetDouble(), 12);
        Assert.Equal(0.15731572862618104, labels.GetProperty("differenceCi95")[1].GetDouble(), 12);
        Assert.Equal(-0.08, classes[0].GetProperty("metrics").GetProperty("recall").GetProperty("delta").GetDouble(), 12);
        Assert.Equal(["lidar-d05", "lidar-d04"], classes[0].GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("deliveryId").GetString()));

        var readme = await File.ReadAllTextAsync(Path.Combine(Folder, "README.md"));
        Assert.Contains("> " + root.GetProperty("verdict").GetString(), readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_Text_PutsTheVerdictFirstAndRanksTheClasses()
    {
        var html = Path.Combine(Path.GetTempPath(), $"comparison-{Guid.NewGuid():N}.html");
        var run = await CliRun.InvokeAsync("models", "compare", Path.Combine(Folder, "v41.json"), Path.Combine(Folder, "v42.json"), "--audits", Audits, "--html", html);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Output.Split(Environment.NewLine);
        Assert.StartsWith("lidar-detector v41 → v42: pedestrian ranks first — recall 0.860 → 0.780 (−0.080)", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("1    pedestrian    0.860 -> 0.780 (-0.080", lines.Single(l => l.StartsWith("1 ", StringComparison.Ordinal)), StringComparison.Ordinal);
        var page = await File.ReadAllTextAsync(html);
        Assert.Contains("pedestrian ranks first", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        File.Delete(html);
    }

    /// <summary>
    /// Pedestrian training label error rates 11/192, 14/288, 42/480, 72/576, 74/672 (v40–v44) against recall 0.85,
    /// 0.86, 0.78, 0.74, 0.76: Python 3.11's statistics.correlation gives r = −0.9870106055277538 and Fisher's interval
    /// tanh(atanh r ∓ 1.959964/√2) = [−0.9991825514894881, −0.8107531194089621]. The ranks are exactly reversed: ρ = −1.
    /// </summary>
    [Fact]
    public async Task Correlate_Sample_MatchesPython()
    {
        var run = await CliRun.InvokeAsync("models", "correlate", Path.Combine(Folder, "v44.json"), Path.Combine(Folder, "v40.json"), Path.Combine(Folder, "v41.json"),
            Path.Combine(Folder, "v42.json"), Path.Combine(Folder, "v43.csv"), "--audits", Audits, "--json");

        Assert.Equal((ExitCodes.Success, ""), (run.ExitCode, run.Error));
        using var json = JsonDocument.Parse(run.Output);
        var pedestrian = json.RootElement.GetProperty("classes").EnumerateArray().Single(c => c.GetProperty("class").GetString() == "pedestrian");
        Assert.Equal(5, pedestrian.GetProperty("n").GetInt32());
        Assert.Equal([11.0 / 192, 14.0 / 288, 42.0 / 480, 72.0 / 576, 74.0 / 672], pedestrian.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("labelErrorRate").GetDouble()));
        var pearson = pedestrian.GetProperty("pearson");
        Assert.Equal(-0.9870106055277538, pearson.GetProperty("coefficient").GetDouble(), 12);
        Assert.Equal(-0.9991825514894881, pearson.GetProperty("ci95")[0].GetDouble(), 12);
        Assert.Equal(-0.8107531194089621, pearson.GetProperty("ci95")[1].GetDouble(), 12);
        Assert.Equal(-1, pedestrian.GetProperty("spearman").GetProperty("coefficient").GetDouble(), 12);
        Assert.Contains("not a cause", pedestrian.GetProperty("statement").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_MetricAsAPercentage_NamesFileLineAndFieldAndExits2()
    {
        var file = Path.Combine(Path.GetTempPath(), $"v42-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(Path.Combine(Folder, "v42.json"))).Replace("\"recall\": 0.78", "\"recall\": 78", StringComparison.Ordinal));

        var run = await CliRun.InvokeAsync("models", "compare", Path.Combine(Folder, "v41.json"), file, "--audits", Audits);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var line = File.ReadAllLines(file).ToList().FindIndex(l => l.Contains("\"recall\": 78", StringComparison.Ordinal)) + 1;
        Assert.Equal($"{Path.GetFileName(file)} line {line}, field 'classes.pedestrian.recall': 78 is outside [0, 1]; metrics are proportions, not percentages", run.Error.TrimEnd());
        File.Delete(file);
    }
}
