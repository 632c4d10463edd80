using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Quality.Functions.Tests.Access;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.AuditLog;

/// <summary>Every change made through the API is recorded with who made it and when, and served newest first.</summary>
public sealed class AuditLogApiTests
{
    private static readonly string Ada = Principals.Header("Ada Admin", "oid-ada", "quality.admin");
    private static readonly string Rex = Principals.Header("Rex Reviewer", "oid-rex", "quality.reviewer");
    private static readonly string Rita = Principals.Header("Rita Reader", "oid-rita", "quality.reader");

    [Fact]
    public async Task Changes_ByTwoPeople_ListedNewestFirstWithWhoWhenAndWhat()
    {
        await using var app = await QualityApp.StartAsync(processing: false, Principals.RolesMode());
        using var client = app.CreateClient();
        var standard = await File.ReadAllTextAsync(Repository.Sample("standards/front-lidar-cuboids.yaml"));

        Assert.Equal(HttpStatusCode.Created, await SendAsync(client, HttpMethod.Put, "/api/standards/front-lidar-cuboids", Ada, standard));
        // The same document again changes nothing, so it records nothing.
        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, HttpMethod.Put, "/api/standards/front-lidar-cuboids", Ada, standard));
        Assert.Equal(HttpStatusCode.Created, await SendAsync(client, HttpMethod.Put, "/api/taxonomies/driving/1.0.0", Ada,
            await File.ReadAllTextAsync(Repository.Sample("taxonomies/driving@1.0.0.yaml"))));
        Assert.Equal(HttpStatusCode.Accepted, await SendAsync(client, HttpMethod.Post, "/api/deliveries", Rex,
            DeliveryGenerator.Generate(items: 10, seed: 4)));

        var all = await GetAsync(client, "/api/audit-log");
        var entries = all["entries"]!.AsArray();
        Assert.Equal(["delivery.submitted", "taxonomy.registered", "standard.published"], entries.Select(e => (string?)e!["action"]));
        Assert.Equal(["Rex Reviewer", "Ada Admin", "Ada Admin"], entries.Select(e => (string?)e!["who"]));
        Assert.Equal(["oid-rex", "oid-ada", "oid-ada"], entries.Select(e => (string?)e!["whoId"]));
        Assert.Equal(["test-pipeline/test-vendor/d-001.jsonl", "driving@1.0.0", "front-lidar-cuboids@1.2.0"], entries.Select(e => (string?)e!["target"]));
        var times = entries.Select(e => DateTimeOffset.Parse((string)e!["time"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderDescending(), times);

        var onePipeline = await GetAsync(client, "/api/audit-log?pipeline=front-lidar-cuboids");
        Assert.Equal(["standard.published"], onePipeline["entries"]!.AsArray().Select(e => (string?)e!["action"]));
    }

    [Fact]
    public async Task AuditLog_PagedByOne_FollowsTheContinuationThroughEveryChange()
    {
        await using var app = await QualityApp.StartAsync(processing: false, Principals.RolesMode());
        using var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, await SendAsync(client, HttpMethod.Post, "/api/deliveries", Rex,
                DeliveryGenerator.Generate(items: 5, seed: i, deliveryId: $"d-{i}")));
        }

        var targets = new List<string>();
        string? token = null;
        do
        {
            var page = await GetAsync(client, "/api/audit-log?top=1" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
            targets.AddRange(page["entries"]!.AsArray().Select(e => (string)e!["target"]!));
            token = (string?)page["continuationToken"];
        }
        while (token is not null);

        Assert.Equal(["test-pipeline/test-vendor/d-2.jsonl", "test-pipeline/test-vendor/d-1.jsonl", "test-pipeline/test-vendor/d-0.jsonl"], targets);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, HttpMethod method, string url, string principal, string body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/octet-stream") };
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<JsonObject> GetAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", Rita);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
