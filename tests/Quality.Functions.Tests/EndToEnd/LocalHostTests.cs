using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Quality.Domain.Audit;
using Quality.Functions.Tests.Api;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.EndToEnd;

/// <summary>The local host as a user runs it: its own drivers move the delivery from blob to Completed.</summary>
public sealed class LocalHostTests
{
    [Fact]
    public async Task PostDelivery_SampleDelivery_CompletedWithOfflineFigures()
    {
        await using var app = await QualityApp.StartAsync(localDrivers: true);
        using var client = app.CreateClient();
        var path = Path.Combine(Repository.Root, "samples", "front-camera-tags.jsonl");

        var submitted = await BatchApiTests.SubmitAsync(client, await File.ReadAllTextAsync(path));
        var batch = await WaitForEndAsync(client, (string)submitted["id"]!);

        Assert.Equal("Completed", (string?)batch["status"]);
        await using var file = File.OpenRead(path);
        var offline = (await DeliveryAuditor.AuditAsync(file, path, CancellationToken.None)).Metrics;
        Assert.Equal(offline.Items, (long)batch["counts"]!["items"]!);
        Assert.Equal(offline.Annotations, (long)batch["counts"]!["annotations"]!);
        Assert.Equal(offline.KrippendorffAlphaNominal, (double)batch["agreement"]!["krippendorffAlphaNominal"]!);
        Assert.Equal(offline.PercentAgreement, (double)batch["agreement"]!["percentAgreement"]!, 12);
        var listed = await client.GetFromJsonAsync<JsonObject>("/api/batches?pipeline=front-camera-tags");
        Assert.Equal((string?)submitted["id"], (string?)listed!["batches"]![0]!["id"]);
    }

    [Fact]
    public async Task BlobUpload_AnyStorageClient_PickedUpByTheWatcher()
    {
        await using var app = await QualityApp.StartAsync(localDrivers: true);
        using var client = app.CreateClient();
        var delivery = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "samples", "krippendorff-2011.jsonl"));
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
