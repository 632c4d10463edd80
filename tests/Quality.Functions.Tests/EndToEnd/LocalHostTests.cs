using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Quality.Cli;
using Quality.Functions.Tests.Api;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.EndToEnd;

/// <summary>The local host as a user runs it: its own drivers move the delivery from blob to Completed.</summary>
public sealed class LocalHostTests
{
    [Fact]
    public async Task PostDelivery_SampleDelivery_CompletedWithTheFiguresAndSuiteOfQualityAudit()
    {
        await using var app = await QualityApp.StartAsync(processing: true);
        using var client = app.CreateClient();
        var path = Repository.Sample("front-camera-tags.jsonl");

        var submitted = await BatchApiTests.SubmitAsync(client, await File.ReadAllTextAsync(path));
        var batch = await WaitForEndAsync(client, (string)submitted["id"]!);

        Assert.Equal("Completed", (string?)batch["status"]);
        // The sharded pipeline and the offline `quality audit --json` print the same counts and agreement, bit for bit.
        using var output = new StringWriter();
        Assert.Equal(0, await QualityCommand.InvokeAsync(["audit", path, "--json"], output, TextWriter.Null, CancellationToken.None));
        var offline = JsonNode.Parse(output.ToString())!;
        Assert.True(JsonNode.DeepEquals(offline["counts"], batch["counts"]), $"counts: {offline["counts"]} vs {batch["counts"]}");
        var agreement = await client.GetFromJsonAsync<JsonObject>($"/api/batches/{(string)submitted["id"]!}/agreement");
        Assert.True(JsonNode.DeepEquals(offline["agreement"], agreement), $"agreement: {offline["agreement"]} vs {agreement}");
        // The batch shows the headline of the same suite.
        Assert.Equal((double)offline["agreement"]!["krippendorffAlpha"]!, (double)batch["agreement"]!["krippendorffAlpha"]!);
        var listed = await client.GetFromJsonAsync<JsonObject>("/api/batches?pipeline=front-camera-tags");
        Assert.Equal((string?)submitted["id"], (string?)listed!["batches"]![0]!["id"]);

        // Frame tags against gold: the stored report is the offline one, and the annotator route shows their part of it.
        var id = (string)submitted["id"]!;
        var tags = await client.GetFromJsonAsync<JsonObject>($"/api/batches/{id}/tags");
        Assert.True(JsonNode.DeepEquals(offline["tagGold"], tags), $"tagGold: {offline["tagGold"]} vs {tags}");
        // Independent Python count (TagGoldAuditTests): weather, ann-03: 20 of 30 right, kappa 0.533333 over the 27 tagged.
        var annotator = await client.GetFromJsonAsync<JsonObject>($"/api/batches/{id}/annotators/ann-03");
        Assert.Null(annotator!["scorecard"]);
        Assert.Equal(20, (long)annotator["tags"]!["weather"]!["correct"]!);
        Assert.Equal(0.533333, (double)annotator["tags"]!["weather"]!["kappa"]!, 6);
        using var noObjects = await client.GetAsync($"/api/batches/{id}/audit");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, noObjects.StatusCode);
    }

    [Fact]
    public async Task PostDelivery_CuboidsWithGold_ScorecardsConfusionAndEvidenceAsQualityAudit()
    {
        await using var app = await QualityApp.StartAsync(processing: true);
        using var client = app.CreateClient();
        var path = Repository.Sample("front-lidar-cuboids.jsonl");

        var submitted = await BatchApiTests.SubmitAsync(client, await File.ReadAllTextAsync(path));
        var id = (string)submitted["id"]!;
        Assert.Equal("Completed", (string?)(await WaitForEndAsync(client, id))["status"]);

        using var output = new StringWriter();
        Assert.Equal(0, await QualityCommand.InvokeAsync(["audit", path, "--json"], output, TextWriter.Null, CancellationToken.None));
        var offline = JsonNode.Parse(output.ToString())!;
        var audit = await client.GetFromJsonAsync<JsonObject>($"/api/batches/{id}/audit");
        Assert.True(JsonNode.DeepEquals(offline["audit"], audit!["audit"]), $"audit: {offline["audit"]} vs {audit["audit"]}");
        Assert.True(JsonNode.DeepEquals(offline["spatial"], audit["spatial"]), $"spatial: {offline["spatial"]} vs {audit["spatial"]}");
        var confusion = await client.GetFromJsonAsync<JsonObject>($"/api/batches/{id}/confusion");
        Assert.Equal("none", (string?)confusion!["rows"]!.AsArray()[^1]);
        Assert.Equal("missed", (string?)confusion["columns"]!.AsArray()[^1]);
        var annotator = await client.GetFromJsonAsync<JsonObject>($"/api/batches/{id}/annotators/ann-03");
        Assert.Equal(2, annotator!["pairwise"]!.AsArray().Count);
        // The evidence has one line per gold comparison outcome: every tp, misclassified, missed and extra of every annotator.
        var expectedLines = audit["audit"]!["perAnnotator"]!.AsObject()
            .Sum(a => (long)a.Value!["tp"]! + (long)a.Value["misclassified"]! + (long)a.Value["fn"]! + (long)a.Value["fp"]!);
        var pairs = (await client.GetStringAsync($"/api/batches/{id}/pairs")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expectedLines, pairs.Length);
        using var unknown = await client.GetAsync($"/api/batches/{id}/annotators/nobody");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task BlobUpload_AnyStorageClient_PickedUpByTheWatcher()
    {
        await using var app = await QualityApp.StartAsync(processing: true);
        using var client = app.CreateClient();
        var delivery = await File.ReadAllTextAsync(Repository.Sample("krippendorff-2011.jsonl"));
        var blob = new BlobServiceClient(app.ConnectionString).GetBlobContainerClient(app.Prefix + "-incoming").GetBlobClient("dropped/by-hand.jsonl");

        await blob.UploadAsync(BinaryData.FromString(delivery));

        var found = await Eventually.UntilAsync(async () =>
        {
            var listed = await client.GetFromJsonAsync<JsonObject>("/api/batches?pipeline=reference-data");
            return listed!["batches"]!.AsArray().Select(b => b!.AsObject()).FirstOrDefault(b => (string?)b["status"] == "Completed");
        }, "a completed batch for the uploaded blob");

        Assert.Equal("dropped/by-hand.jsonl", (string?)found["blobName"]);
        Assert.Equal(0.743, (double)found["agreement"]!["krippendorffAlphaNominal"]!, 3);
    }

    /// <summary>Polls the run status query until it answers 200 (ended), then reads the batch.</summary>
    internal static async Task<JsonObject> WaitForEndAsync(HttpClient client, string id)
    {
        await Eventually.UntilAsync(async () =>
        {
            using var response = await client.GetAsync($"/api/runs/{id}");
            return response.StatusCode == System.Net.HttpStatusCode.OK ? "ended" : null;
        }, $"the end of run {id}");
        return (await client.GetFromJsonAsync<JsonObject>($"/api/batches/{id}"))!;
    }
}
