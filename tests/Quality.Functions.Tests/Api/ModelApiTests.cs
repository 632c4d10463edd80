using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Quality.Functions.Tests.Access;
using Quality.Functions.Tests.EndToEnd;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Api;

/// <summary>Model evaluations stored, compared and correlated over real HTTP on the dev host, on Azurite.</summary>
public sealed class ModelApiTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "samples", "model-linkage");

    /// <summary>
    /// samples/model-linkage through the pipeline: its standard published, deliveries d01–d05 audited by the dev host,
    /// v41 and v42 stored; the comparison ranks the classes as the sample's README documents (the CLI test reproduces
    /// the same from local audits), from the stored batch reports.
    /// </summary>
    [Fact]
    public async Task Compare_SampleDeliveredThroughThePipeline_ReproducesTheDocumentedRanking()
    {
        await using var app = await QualityApp.StartAsync(processing: true);
        using var client = app.CreateClient();
        using (var standard = await client.PutAsync("/api/standards/front-lidar-cuboids",
            new StringContent(await File.ReadAllTextAsync(Repository.Sample(Path.Combine("standards", "front-lidar-cuboids.yaml"))), Encoding.UTF8, "application/yaml")))
        {
            Assert.Equal(HttpStatusCode.Created, standard.StatusCode);
        }

        var ids = new List<string>();
        foreach (var delivery in new[] { "lidar-d01", "lidar-d02", "lidar-d03", "lidar-d04", "lidar-d05" })
        {
            ids.Add((string)(await BatchApiTests.SubmitAsync(client, await File.ReadAllTextAsync(Path.Combine(Folder, "deliveries", delivery + ".jsonl"))))["id"]!);
        }

        foreach (var id in ids)
        {
            Assert.Equal("Completed", (string?)(await LocalHostTests.WaitForEndAsync(client, id))["status"]);
        }

        foreach (var file in new[] { "v41.json", "v42.json", "v43.csv" })
        {
            using var put = await PutAsync(client, file);
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        var comparison = await client.GetFromJsonAsync<JsonObject>("/api/models/lidar-detector/compare?from=v41&to=v42");
        var readme = await File.ReadAllTextAsync(Path.Combine(Folder, "README.md"));
        Assert.Contains("> " + (string)comparison!["verdict"]! + "\n", readme, StringComparison.Ordinal);
        var classes = comparison["classes"]!.AsArray();
        Assert.Equal(["pedestrian", "truck", "car", "cyclist"], classes.Select(c => (string?)c!["class"]));
        Assert.Equal(["explained", "notSignificant", "notSignificant", "noDrop"], classes.Select(c => (string?)c!["explanation"]));
        var pedestrian = classes[0]!["labelErrors"]!;
        Assert.Equal((14, 288), ((long)pedestrian["before"]!["errors"]!, (long)pedestrian["before"]!["gold"]!));
        Assert.Equal((28, 192), ((long)pedestrian["added"]!["errors"]!, (long)pedestrian["added"]!["gold"]!));
        var added = comparison["training"]!["added"]!.AsArray();
        Assert.Equal([ids[3], ids[4]], added.Select(d => (string?)d!["batchId"]));
        Assert.All(added, d => Assert.NotNull((string?)d!["date"]));

        using var report = await client.GetAsync("/api/models/lidar-detector/compare/report?from=v41&to=v42");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("pedestrian ranks first", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Three versions: too few for Fisher's interval, and said so.
        var correlation = await client.GetFromJsonAsync<JsonObject>("/api/models/lidar-detector/correlation");
        var pearson = correlation!["classes"]!.AsArray().Single(c => (string?)c!["class"] == "pedestrian")!["pearson"]!;
        Assert.Null(pearson["coefficient"]);
        Assert.Equal("3 versions; a correlation with Fisher's interval needs at least 4", (string?)pearson["undefinedReason"]);

        var versions = await client.GetFromJsonAsync<JsonObject>("/api/models/lidar-detector/versions");
        Assert.Equal(["v41", "v42", "v43"], versions!["versions"]!.AsArray().Select(v => (string?)v!["version"]));

        // The same training data named as the pipeline's deliveries of the days the batches arrived: the same ranking.
        var day = DateOnly.Parse(((string)(await client.GetFromJsonAsync<JsonObject>($"/api/batches/{ids[0]}"))!["createdTime"]!)[..10], System.Globalization.CultureInfo.InvariantCulture);
        var ranged = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "v42.json")))!.AsObject();
        ranged["version"] = "v42-by-date";
        ranged["trainedOn"] = new JsonObject
        {
            ["pipelines"] = new JsonArray(new JsonObject { ["pipeline"] = "front-lidar-cuboids", ["from"] = $"{day.AddDays(-1):yyyy-MM-dd}", ["to"] = $"{day.AddDays(1):yyyy-MM-dd}" }),
        };
        using (var put = await SendAsync(client, HttpMethod.Put, "/api/models/lidar-detector/versions/v42-by-date", ranged.ToJsonString(), null))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        var byDate = await client.GetFromJsonAsync<JsonObject>("/api/models/lidar-detector/compare?from=v41&to=v42-by-date");
        Assert.Equal(["lidar-d04", "lidar-d05"], byDate!["training"]!["added"]!.AsArray().Select(d => (string?)d!["deliveryId"]));
        Assert.Equal(["pedestrian", "truck", "car", "cyclist"], byDate["classes"]!.AsArray().Select(c => (string?)c!["class"]));
    }

    [Fact]
    public async Task Put_ReaderIsRefusedAndReviewerStoresItOnce()
    {
        await using var app = await QualityApp.StartAsync(processing: false, Principals.RolesMode());
        using var client = app.CreateClient();
        var reader = Principals.Header("Rita Reader", "oid-rita", "quality.reader");
        var reviewer = Principals.Header("Rex Reviewer", "oid-rex", "quality.reviewer");

        using (var refused = await PutAsync(client, "v41.json", reader))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("quality.reviewer", (string?)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["requiredRole"]);
        }

        using (var stored = await PutAsync(client, "v41.json", reviewer))
        {
            Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
            Assert.Equal("/api/models/lidar-detector/versions/v41", stored.Headers.Location?.OriginalString);
        }

        using (var again = await PutAsync(client, "v41.json", reviewer))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var changed = (await File.ReadAllTextAsync(Path.Combine(Folder, "v41.json"))).Replace("\"recall\": 0.86", "\"recall\": 0.87", StringComparison.Ordinal);
        using (var conflict = await SendAsync(client, HttpMethod.Put, "/api/models/lidar-detector/versions/v41", changed, reviewer))
        {
            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        }

        using (var read = await SendAsync(client, HttpMethod.Get, "/api/models/lidar-detector/versions/v41", null, reader))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            var evaluation = await read.Content.ReadFromJsonAsync<JsonObject>();
            Assert.Equal(0.86, (double)evaluation!["classes"]!["pedestrian"]!["recall"]!);
        }

        using var log = await SendAsync(client, HttpMethod.Get, "/api/audit-log", null, reader);
        var entry = Assert.Single((await log.Content.ReadFromJsonAsync<JsonObject>())!["entries"]!.AsArray());
        Assert.Equal(("model.evaluation.stored", "lidar-detector@v41", "Rex Reviewer"), ((string?)entry!["action"], (string?)entry["target"], (string?)entry["who"]));
    }

    /// <summary>"recall": 78 replaces pedestrian's recall on line 39 of v42.json.</summary>
    [Fact]
    public async Task Put_InvalidEvaluation_NamesLineAndFieldAndStoresNothing()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();
        var bad = (await File.ReadAllTextAsync(Path.Combine(Folder, "v42.json"))).Replace("\"recall\": 0.78", "\"recall\": 78", StringComparison.Ordinal);

        using var response = await SendAsync(client, HttpMethod.Put, "/api/models/lidar-detector/versions/v42", bad, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal((39L, "classes.pedestrian.recall"), ((long)problem!["line"]!, (string?)problem["field"]));
        using var wrongPath = await SendAsync(client, HttpMethod.Put, "/api/models/lidar-detector/versions/v43", await File.ReadAllTextAsync(Path.Combine(Folder, "v42.json")), null);
        Assert.Equal("modelVersion", (string?)(await wrongPath.Content.ReadFromJsonAsync<JsonObject>())!["parameter"]);
        using var none = await client.GetAsync("/api/models/lidar-detector/versions");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string file, string? principal = null)
    {
        var version = Path.GetFileNameWithoutExtension(file);
        return await SendAsync(client, HttpMethod.Put, $"/api/models/lidar-detector/versions/{version}", await File.ReadAllTextAsync(Path.Combine(Folder, file)), principal);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string? body, string? principal)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (principal is not null)
        {
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
        }

        return await client.SendAsync(request);
    }
}
