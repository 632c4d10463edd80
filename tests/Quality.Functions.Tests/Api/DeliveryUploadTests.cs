using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Blobs;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Api;

/// <summary>
/// <c>POST /api/deliveries/uploads</c>: URLs that create a delivery's blobs in <c>incoming</c> directly (signed with
/// Azurite's account key here), and nothing else: they cannot overwrite, read or reach another blob.
/// </summary>
public sealed class DeliveryUploadTests
{
    private static readonly string[] MultiFiles = ["cuboids/part-1.jsonl", "manifest.json"];

    [Fact]
    public async Task Upload_ThroughTheUrl_LandsTheDeliveryWhichIsAuditedAsAnyArrival_AndCannotBeOverwrittenOrRead()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();
        var before = TimeProvider.System.GetUtcNow();

        using var response = await client.PostAsJsonAsync("/api/deliveries/uploads", new { pipeline = "test-pipeline", vendor = "test-vendor", deliveryId = "d-001" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var grant = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("account-key", (string?)grant["signature"]);
        var expires = DateTimeOffset.Parse((string)grant["expiresAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires, before.AddMinutes(30), TimeProvider.System.GetUtcNow().AddMinutes(30));
        var target = Assert.Single(grant["uploads"]!.AsArray())!;
        Assert.Equal("test-pipeline/test-vendor/d-001.jsonl", (string?)target["blobName"]);
        var url = new Uri((string)target["url"]!);
        Assert.Contains("sp=c&", url.Query, StringComparison.Ordinal); // create only

        var delivery = DeliveryGenerator.Generate(items: 20);
        await new BlobClient(url).UploadAsync(BinaryData.FromString(delivery));

        var storage = app.Get<StorageClients>();
        var stored = await storage.Container(storage.Names.Incoming).GetBlobClient("test-pipeline/test-vendor/d-001.jsonl").DownloadContentAsync();
        Assert.Equal(delivery, stored.Value.Content.ToString());
        var overwrite = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(url).UploadAsync(BinaryData.FromString("changed"), overwrite: true));
        Assert.Equal(403, overwrite.Status);
        var read = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(url).DownloadContentAsync());
        Assert.Equal(403, read.Status);
        var elsewhere = new BlobUriBuilder(url) { BlobName = "test-pipeline/test-vendor/d-002.jsonl" }.ToUri();
        Assert.Equal(403, (await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(elsewhere).UploadAsync(BinaryData.FromString(delivery)))).Status);

        // Its arrival lists the batch as any upload's does.
        await app.ArriveAsync("test-pipeline/test-vendor/d-001.jsonl");
        var batches = (await client.GetFromJsonAsync<JsonObject>("/api/batches?pipeline=test-pipeline"))!;
        Assert.Equal("d-001", (string?)Assert.Single(batches["batches"]!.AsArray())!["deliveryId"]);

        // The same delivery id again is refused: a delivery is never replaced.
        using var again = await client.PostAsJsonAsync("/api/deliveries/uploads", new { pipeline = "test-pipeline", vendor = "test-vendor", deliveryId = "d-001" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("test-pipeline/test-vendor/d-001.jsonl", (string?)(await again.Content.ReadFromJsonAsync<JsonObject>())!["blobName"]);
    }

    [Fact]
    public async Task Upload_MultiFile_OneUrlPerFileInTheDeliveryFolder_AndTheAuditLogNamesNoUrl()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/deliveries/uploads",
            new { pipeline = "p", vendor = "v", deliveryId = "d-7", files = MultiFiles, expiresInMinutes = 10 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var grant = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["p/v/d-7/cuboids/part-1.jsonl", "p/v/d-7/manifest.json"], grant["uploads"]!.AsArray().Select(u => (string?)u!["blobName"]));
        Assert.Contains("manifest.json last", (string?)grant["next"], StringComparison.Ordinal);
        var log = (await client.GetFromJsonAsync<JsonObject>("/api/audit-log?pipeline=p"))!;
        var entry = Assert.Single(log["entries"]!.AsArray())!;
        Assert.Equal("delivery.upload-granted", (string?)entry["action"]);
        Assert.DoesNotContain("sig=", entry.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"vendor":"v","deliveryId":"d"}""", "pipeline")]
    [InlineData("""{"pipeline":"p","vendor":"v","deliveryId":"../d"}""", "deliveryId")]
    [InlineData("""{"pipeline":"p","vendor":"v","deliveryId":"d","files":["a.jsonl"]}""", "files")]
    [InlineData("""{"pipeline":"p","vendor":"v","deliveryId":"d","files":["manifest.json","../x"]}""", "files")]
    [InlineData("""{"pipeline":"p","vendor":"v","deliveryId":"d","expiresInMinutes":121}""", "expiresInMinutes")]
    public async Task Upload_BadRequest_400NamingTheField(string body, string parameter)
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/deliveries/uploads", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["parameter"]);
    }
}
