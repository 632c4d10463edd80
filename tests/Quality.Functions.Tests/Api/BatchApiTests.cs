using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Api;

/// <summary>The HTTP API's contract: status codes, problem details, paging, the run status query.</summary>
public sealed class BatchApiTests
{
    [Theory]
    [InlineData("/api/batches/not-an-id")]
    [InlineData("/api/batches/not-an-id/agreement")]
    [InlineData("/api/runs/0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("/api/batches?pipeline=bad%2Fname")]
    [InlineData("/api/batches?top=0")]
    [InlineData("/api/rollups/daily?date=25-11-2026")]
    [InlineData("/api/standards/p?version=1.0")]
    [InlineData("/api/audit-log?continuationToken=x")]
    public async Task Get_InvalidInput_400ProblemNamingTheParameter(string url)
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["parameter"]);
    }

    [Theory]
    [InlineData("/api/batches/0123456789abcdef0123456789abcdef")]
    [InlineData("/api/runs/0123456789abcdef0123456789abcdef")]
    [InlineData("/api/batches/0123456789abcdef0123456789abcdef/agreement")]
    public async Task Get_UnknownId_404(string url)
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostDelivery_BadHeader_400NamingLineAndFieldAndNothingStored()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();
        var body = """{"format":"serverless-quality.canonical","version":1,"deliveryId":"d 1","pipeline":"p","vendor":"v","taxonomy":{"name":"t","version":"1.0.0"},"dataTypes":["frame-tags"]}""";

        using var response = await client.PostAsync("/api/deliveries", new StringContent(body + "\n", Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(1, (int)problem!["line"]!);
        Assert.Equal("deliveryId", (string?)problem["field"]);
        Assert.Equal("request body line 1, field 'deliveryId': 'd 1' must be 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit", (string?)problem["detail"]);
        var listed = await client.GetFromJsonAsync<JsonObject>("/api/batches");
        Assert.Empty(listed!["batches"]!.AsArray());
    }

    [Fact]
    public async Task Runs_PendingRun_202WithLocation()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();
        var submitted = await SubmitAsync(client, DeliveryGenerator.Generate(items: 10, seed: 1));
        // Blobs are not watched here, so the arrival is not reported: the run does not exist yet.
        using var unknown = await client.GetAsync((string?)submitted["statusQueryGetUri"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        await app.ArriveAsync((string)submitted["blobName"]!);
        using var pending = await client.GetAsync((string?)submitted["statusQueryGetUri"]);

        Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);
        Assert.Equal($"/api/runs/{submitted["id"]}", pending.Headers.Location?.OriginalString);
        var status = await pending.Content.ReadFromJsonAsync<JsonObject>();
        // The audit is scheduled on the task hub, and no worker here runs it: Durable's Pending, the batch's Pending.
        Assert.Equal("Pending", (string?)status!["runtimeStatus"]);
        Assert.Equal("Pending", (string?)status["batchStatus"]);
    }

    [Fact]
    public async Task Agreement_OfABatchNotCompleted_409SayingItsStatus()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();
        var submitted = await SubmitAsync(client, DeliveryGenerator.Generate(items: 10, seed: 3));
        await app.ArriveAsync((string)submitted["blobName"]!);

        using var response = await client.GetAsync($"/api/batches/{submitted["id"]}/agreement");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Pending", (string?)problem!["batchStatus"]);
    }

    [Fact]
    public async Task ListBatches_PagedByOne_FollowsContinuationNewestFirst()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var submitted = await SubmitAsync(client, DeliveryGenerator.Generate(items: 5, seed: i, deliveryId: $"d-{i}"));
            await app.ArriveAsync((string)submitted["blobName"]!);
            ids.Add((string)submitted["id"]!);
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var url = "/api/batches?pipeline=test-pipeline&top=1" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = await client.GetFromJsonAsync<JsonObject>(url);
            seen.AddRange(page!["batches"]!.AsArray().Select(b => (string)b!["id"]!));
            token = (string?)page["continuationToken"];
        }
        while (token is not null);

        ids.Reverse();
        Assert.Equal(ids, seen);
    }

    internal static async Task<JsonObject> SubmitAsync(HttpClient client, string delivery)
    {
        using var response = await client.PostAsync("/api/deliveries", new StringContent(delivery, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
