using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Quality.Functions.Tests.Access;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Health;

/// <summary><c>GET /api/health</c> over real HTTP on the dev host and Azurite: open to anyone, 503 naming what fails.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Health_AllAnswer_200WithVersionStorageUpAndThePendingAuditInTheTaskHub()
    {
        // Roles mode and no caller: the health endpoint is open to a load balancer.
        await using var app = await QualityApp.StartAsync(processing: false, Principals.RolesMode());
        using var client = app.CreateClient();
        // A delivery that arrives starts an audit this host does not process: one pending instance in the task hub.
        await app.Get<Quality.Pipeline.Deliveries.DeliverySubmission>().SubmitAsync(
            new MemoryStream(System.Text.Encoding.UTF8.GetBytes(DeliveryGenerator.Generate(items: 5))), "test", null, CancellationToken.None);
        var before = TimeProvider.System.GetUtcNow();
        await app.ArriveAsync("test-pipeline/test-vendor/d-001.jsonl");

        using var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("healthy", (string?)health["status"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)health["version"]));
        Assert.Equal("up", (string?)health["storage"]!["status"]);
        Assert.Empty(health["storage"]!["problems"]!.AsArray());
        var hub = health["taskHub"]!;
        Assert.Equal("up", (string?)hub["status"]);
        Assert.Equal(app.Prefix + "QualityAudit", (string?)hub["name"]);
        Assert.Equal(1, (int)hub["pendingOrRunning"]!);
        Assert.False((bool)hub["moreThanCounted"]!);
        var oldest = DateTimeOffset.Parse((string)hub["oldestCreatedAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(oldest, before.AddSeconds(-5), TimeProvider.System.GetUtcNow().AddSeconds(5));
    }

    [Fact]
    public async Task Health_ATableIsGone_503NamingIt()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();
        var storage = app.Get<StorageClients>();
        await storage.Table(storage.Names.Findings).DeleteAsync();

        using var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var health = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("unhealthy", (string?)health["status"]);
        Assert.Equal("down", (string?)health["storage"]!["status"]);
        Assert.Equal([$"table '{storage.Names.Findings}': does not exist"], health["storage"]!["problems"]!.AsArray().Select(p => (string?)p));
        Assert.Equal("up", (string?)health["taskHub"]!["status"]);
    }
}
