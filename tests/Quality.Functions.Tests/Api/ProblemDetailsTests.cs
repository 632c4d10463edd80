using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Quality.Domain.Audit;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Api;

/// <summary>
/// Every error the API answers is an RFC 9457 problem that says what to do: 413 with the limit and the way to deliver
/// more, 400 naming the parameter or the JSON position and path, 404 for what does not exist, and a 500 that carries a
/// correlation id and nothing of the exception.
/// </summary>
public sealed class ProblemDetailsTests
{
    private const long DeliveryLimit = 25L * 1024 * 1024;

    [Fact]
    public async Task PostDelivery_31MB_413WithTheLimitAndTheUploadRoute_NothingStored()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();
        var body = Padded(DeliveryGenerator.Generate(items: 5), 31_000_000);

        using var response = await client.PostAsync("/api/deliveries", new ByteArrayContent(body));

        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(DeliveryLimit, (long)problem["limitBytes"]!);
        Assert.Contains("at most 25 MiB (26,214,400 bytes); this one has 29.6 MiB (31,000,000 bytes)", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Contains("POST /api/deliveries/uploads", (string?)problem["detail"], StringComparison.Ordinal);
        await AssertNothingDeliveredAsync(app);
    }

    [Fact]
    public async Task PostDelivery_ChunkedWithNoLengthOverTheLimit_413_NothingStored()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();
        var body = Padded(DeliveryGenerator.Generate(items: 5), DeliveryLimit + 1);
        var content = new StreamContent(new UnknownLengthStream(body));
        content.Headers.ContentType = new("application/x-ndjson");

        using var response = await client.PostAsync("/api/deliveries", content);

        Assert.Null(content.Headers.ContentLength);
        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(DeliveryLimit, (long)problem["limitBytes"]!);
        await AssertNothingDeliveredAsync(app);
    }

    [Fact]
    public async Task PostDelivery_SameNameOtherBytes_409AndTheDeliveredBlobUnchanged_SameBytesAgainIsTheSameBatch()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();
        var first = DeliveryGenerator.Generate(items: 5, seed: 1);

        using var delivered = await client.PostAsync("/api/deliveries", new StringContent(first));
        using var again = await client.PostAsync("/api/deliveries", new StringContent(first));
        var other = await ProblemAsync(await client.PostAsync("/api/deliveries", new StringContent(DeliveryGenerator.Generate(items: 5, seed: 2))), HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.Accepted, delivered.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal((string?)(await delivered.Content.ReadFromJsonAsync<JsonObject>())!["id"], (string?)(await again.Content.ReadFromJsonAsync<JsonObject>())!["id"]);
        Assert.Equal("test-pipeline/test-vendor/d-001.jsonl", (string?)other["blobName"]);
        var storage = app.Get<StorageClients>();
        var stored = await storage.Container(storage.Names.Incoming).GetBlobClient("test-pipeline/test-vendor/d-001.jsonl").DownloadContentAsync();
        Assert.Equal(first, stored.Value.Content.ToString());
    }

    [Fact]
    public async Task PutStandard_OverAMebibyte_413SayingTheLimit()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();

        using var response = await client.PutAsync("/api/standards/p", new ByteArrayContent(new byte[(1024 * 1024) + 1]));

        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(1024 * 1024, (long)problem["limitBytes"]!);
        Assert.StartsWith("A standard may have at most 1 MiB (1,048,576 bytes)", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/batches?continuationToken=garbage")]
    [InlineData("/api/batches?continuationToken=cDEKYWxsCjFhYmM")] // base64url of a token of another version
    [InlineData("/api/audit-log?continuationToken=%E2%9C%93")]
    public async Task ContinuationToken_NotOneTheListGaveOut_400NamingIt(string url)
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();

        using var response = await client.GetAsync(url);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("continuationToken", (string?)problem["parameter"]);
    }

    [Fact]
    public async Task ContinuationToken_OfOneList_RefusedByAnother()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var submitted = await client.PostAsync("/api/deliveries", new StringContent(DeliveryGenerator.Generate(items: 5, seed: i, deliveryId: $"d-{i}")));
            Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        }

        var page = (await client.GetFromJsonAsync<JsonObject>("/api/audit-log?pipeline=test-pipeline&top=1"))!;
        var token = Uri.EscapeDataString((string)page["continuationToken"]!);

        // The same list follows it; the list of every pipeline, and the batches of the same pipeline, refuse it.
        using (var next = await client.GetAsync($"/api/audit-log?pipeline=test-pipeline&top=1&continuationToken={token}"))
        {
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        }

        await ProblemAsync(await client.GetAsync($"/api/audit-log?top=1&continuationToken={token}"), HttpStatusCode.BadRequest);
        await ProblemAsync(await client.GetAsync($"/api/batches?pipeline=test-pipeline&top=1&continuationToken={token}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MalformedJson_400NamingLinePositionAndPath()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();
        const string url = "/api/findings/0123456789abcdef0123456789abcdef/status";

        // Line 3 holds the fault: "tru" is not a literal; the reader stops at the newline after it, byte 8 of the line.
        var broken = await ProblemAsync(await client.PostAsync(url, new StringContent("{\n  \"status\":\n    tru\n}")), HttpStatusCode.BadRequest);
        Assert.Equal("Malformed JSON", (string?)broken["title"]);
        Assert.Equal(3, (int)broken["line"]!);
        Assert.Equal(8, (int)broken["position"]!);
        Assert.Equal("$.status", (string?)broken["path"]);

        var wrongType = await ProblemAsync(await client.PostAsync(url, new StringContent("{\"status\": 5}")), HttpStatusCode.BadRequest);
        Assert.Equal("$.status", (string?)wrongType["path"]);
        Assert.Contains("the value at $.status has the wrong type", (string?)wrongType["detail"], StringComparison.Ordinal);
        Assert.DoesNotContain("System.", (string?)wrongType["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPipelineOrVendor_404()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();
        var metric = MonitoredMetric.All[0].Name;
        using (var published = await client.PutAsync("/api/standards/front-lidar-cuboids",
            new StringContent(await File.ReadAllTextAsync(Repository.Sample("standards/front-lidar-cuboids.yaml")))))
        {
            Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        }

        foreach (var url in new[]
        {
            "/api/pipelines/no-such-pipeline/spc",
            $"/api/pipelines/no-such-pipeline/spc/{metric}",
            "/api/vendors/acme/inspection?pipeline=no-such-pipeline",
        })
        {
            var problem = await ProblemAsync(await client.GetAsync(url), HttpStatusCode.NotFound);
            Assert.Equal("No pipeline 'no-such-pipeline': it has no delivered batch and no published standard.", (string?)problem["detail"]);
        }

        // A pipeline with a standard is known; a vendor is known once it has delivered to it.
        using (var metrics = await client.GetAsync("/api/pipelines/front-lidar-cuboids/spc"))
        {
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        }

        foreach (var url in new[] { $"/api/pipelines/front-lidar-cuboids/spc/{metric}?vendor=acme", "/api/vendors/acme/inspection?pipeline=front-lidar-cuboids" })
        {
            var problem = await ProblemAsync(await client.GetAsync(url), HttpStatusCode.NotFound);
            Assert.Equal("Vendor 'acme' has delivered no batch to pipeline 'front-lidar-cuboids'.", (string?)problem["detail"]);
        }
    }

    [Fact]
    public async Task UnhandledFault_500WithACorrelationIdAndNothingOfTheException()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();
        // A row no version of the app writes: its status is not a run status, so reading it throws.
        var storage = app.Get<StorageClients>();
        await storage.Table(storage.Names.Batches).AddEntityAsync(new TableEntity("all", "0000000000000000001-x")
        {
            ["BatchId"] = "x", ["BlobName"] = "x.jsonl", ["Status"] = "NotAStatus",
        });

        using var response = await client.GetAsync("/api/batches");

        var problem = await ProblemAsync(response, HttpStatusCode.InternalServerError);
        var correlationId = (string?)problem["correlationId"];
        Assert.False(string.IsNullOrWhiteSpace(correlationId));
        Assert.Contains(correlationId!, (string?)problem["detail"], StringComparison.Ordinal);
        var raw = problem.ToJsonString();
        Assert.DoesNotContain("NotAStatus", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", raw, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal((int)expected, (int)problem["status"]!);
            Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
            return problem;
        }
    }

    private static async Task AssertNothingDeliveredAsync(QualityApp app)
    {
        var storage = app.Get<StorageClients>();
        await foreach (var blob in storage.Container(storage.Names.Incoming).GetBlobsAsync())
        {
            Assert.Fail($"{blob.Name} was stored from a refused body.");
        }
    }

    /// <summary>A valid delivery followed by blank lines up to <paramref name="length"/> bytes.</summary>
    private static byte[] Padded(string delivery, long length)
    {
        var head = Encoding.UTF8.GetBytes(delivery);
        var body = new byte[length];
        head.CopyTo(body, 0);
        body.AsSpan(head.Length).Fill((byte)'\n');
        return body;
    }

    /// <summary>A stream that does not say its length, so the client sends it in chunks.</summary>
    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
