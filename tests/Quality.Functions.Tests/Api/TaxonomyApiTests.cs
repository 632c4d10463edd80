using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Quality.Functions.Tests.EndToEnd;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Api;

/// <summary><c>/api/taxonomies</c> and <c>/api/batches/{id}/violations</c>: governance of labels over HTTP.</summary>
public sealed class TaxonomyApiTests
{
    private static string Sample(string version) => File.ReadAllText(Path.Combine(Repository.Root, "samples", "taxonomies", $"driving@{version}.yaml"));

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, string yaml) =>
        client.PutAsync(url, new StringContent(yaml, Encoding.UTF8, "application/yaml"));

    [Fact]
    public async Task Taxonomies_RegisterListReadDiff_AndAVersionNeverChanges()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();

        using (var created = await PutAsync(client, "/api/taxonomies/driving/1.0.0", Sample("1.0.0")))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal("/api/taxonomies/driving/1.0.0", created.Headers.Location?.OriginalString);
        }

        using (var again = await PutAsync(client, "/api/taxonomies/driving/1.0.0", Sample("1.0.0")))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the same document: idempotent
        }

        using (var changed = await PutAsync(client, "/api/taxonomies/driving/1.0.0", Sample("1.0.0").Replace("[2.5, 6.5]", "[2.0, 6.5]", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        }

        (await PutAsync(client, "/api/taxonomies/driving/1.1.0", Sample("1.1.0"))).Dispose();

        var listed = await client.GetFromJsonAsync<JsonObject>("/api/taxonomies");
        Assert.Equal(["driving@1.0.0", "driving@1.1.0"], listed!["taxonomies"]!.AsArray().Select(t => (string?)t!["reference"]));
        var one = await client.GetFromJsonAsync<JsonObject>("/api/taxonomies/driving/1.0.0");
        Assert.Equal("driving", (string?)one!["name"]);
        using var yamlRequest = new HttpRequestMessage(HttpMethod.Get, "/api/taxonomies/driving/1.0.0") { Headers = { { "Accept", "application/yaml" } } };
        using var yaml = await client.SendAsync(yamlRequest);
        Assert.Equal(Sample("1.0.0"), await yaml.Content.ReadAsStringAsync());

        var diff = await client.GetFromJsonAsync<JsonObject>("/api/taxonomies/driving/diff?from=1.0.0&to=1.1.0");
        var kinds = diff!["changes"]!.AsArray().Select(c => ((string?)c!["kind"], (string?)c["subject"])).ToList();
        Assert.Contains(("class-deprecated", "van"), kinds);
        Assert.Contains(("class-added", "personal-mobility-rider"), kinds);
        Assert.True((bool)diff["isBumpConsistent"]!);
        using var missing = await client.GetAsync("/api/taxonomies/driving/diff?from=1.0.0&to=9.0.0");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // Removing a class needs a major version: 1.1.1 without 'barrier' is refused, 2.0.0 is accepted.
        var removed = Sample("1.1.0").Replace("version: 1.1.0", "version: 1.1.1", StringComparison.Ordinal);
        removed = RemoveClass(removed, "barrier");
        using (var patch = await PutAsync(client, "/api/taxonomies/driving/1.1.1", removed))
        {
            Assert.Equal(HttpStatusCode.BadRequest, patch.StatusCode);
            Assert.Equal("Version bump too small", (string?)(await patch.Content.ReadFromJsonAsync<JsonObject>())!["title"]);
        }

        using var major = await PutAsync(client, "/api/taxonomies/driving/2.0.0", removed.Replace("version: 1.1.1", "version: 2.0.0", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, major.StatusCode);
    }

    /// <summary>The YAML without one class's block (its key line and the more-indented lines under it).</summary>
    private static string RemoveClass(string yaml, string name)
    {
        var lines = yaml.Split('\n').ToList();
        var start = lines.FindIndex(l => l == $"  {name}:");
        var end = start + 1;
        while (end < lines.Count && lines[end].StartsWith("    ", StringComparison.Ordinal))
        {
            end++;
        }

        lines.RemoveRange(start, end - start);
        return string.Join('\n', lines);
    }

    [Fact]
    public async Task PutTaxonomy_Invalid_400NamingLineColumnAndPath()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();
        var broken = Sample("1.0.0").Replace("size3d: {length: [2.5, 6.5]", "size3d: {length: [6.5, 2.5]", StringComparison.Ordinal);
        var line = broken.Split('\n').ToList().FindIndex(l => l.Contains("[6.5, 2.5]", StringComparison.Ordinal)) + 1;

        using var response = await PutAsync(client, "/api/taxonomies/driving/1.0.0", broken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(line, (int)problem!["line"]!);
        Assert.StartsWith("classes.car.size3d.length", (string?)problem["path"], StringComparison.Ordinal);

        using var misplaced = await PutAsync(client, "/api/taxonomies/driving/2.0.0", Sample("1.0.0"));
        Assert.Equal(HttpStatusCode.BadRequest, misplaced.StatusCode);
    }

    [Fact]
    public async Task Delivery_UnderARegisteredTaxonomy_ViolationsCountedPerRuleWithExamples()
    {
        await using var app = await QualityApp.StartAsync(processing: true);
        using var client = app.CreateClient();
        (await PutAsync(client, "/api/taxonomies/driving/1.0.0", Sample("1.0.0"))).Dispose();
        const string image = "\"image\":{\"width\":100,\"height\":100}";
        const string ok = "\"attributes\":{\"occlusion\":\"none\",\"parked\":\"true\"}";
        string[] lines =
        [
            """{"format":"serverless-quality.canonical","version":1,"deliveryId":"d-7","pipeline":"front-camera","vendor":"acme","taxonomy":{"name":"driving","version":"1.0.0"},"dataTypes":["boxes-2d","frame-tags"]}""",
            $$$"""{"item":"f1","annotator":"a1","id":"o1","label":"car","geometry":{"type":"box2d","x":10,"y":10,"width":20,"height":20},{{{image}}},"attributes":{"occlusion":"none","parked":"false","speed-kmh":300}}""",
            $$$"""{"item":"f1","annotator":"a1","id":"o2","label":"lorry","geometry":{"type":"box2d","x":40,"y":10,"width":20,"height":20},{{{image}}},{{{ok}}}}""",
            $$$"""{"item":"f1","annotator":"a1","id":"o3","label":"spaceship","geometry":{"type":"box2d","x":10,"y":40,"width":20,"height":20},{{{image}}}}""",
            $$$"""{"item":"f1","annotator":"a1","id":"o4","label":"car","geometry":{"type":"box2d","x":40,"y":40,"width":20,"height":20},{{{image}}},"attributes":{"occlusion":"none"}}""",
            $$$"""{"item":"f1","annotator":"a1","id":"o5","label":"car","geometry":{"type":"box2d","x":90,"y":70,"width":30,"height":20},{{{image}}},{{{ok}}}}""",
        ];

        var submitted = await BatchApiTests.SubmitAsync(client, string.Join('\n', lines) + "\n");
        var id = (string)submitted["id"]!;
        Assert.Equal("Completed", (string?)(await LocalHostTests.WaitForEndAsync(client, id))["status"]);

        var report = await client.GetFromJsonAsync<JsonObject>($"/api/batches/{id}/violations");
        Assert.Equal(("driving@1.0.0", true), ((string?)report!["taxonomy"], (bool)report["checked"]!));
        var violations = report["violations"]!;
        Assert.Equal(5, (long)violations["annotationsChecked"]!);
        var byRule = violations["rules"]!.AsArray().ToDictionary(r => (string)r!["rule"]!, r => (long)r!["annotations"]!);
        // Hand count: o1's speed 300 is above the range [0, 250], o2 uses a synonym, o3 is no class, o4 lacks 'parked', o5 ends at x = 120 > 100.
        Assert.Equal(
            new Dictionary<string, long> { ["attribute-value-not-allowed"] = 1, ["synonym-used"] = 1, ["unknown-class"] = 1, ["missing-required-attribute"] = 1, ["box-outside-image"] = 1 },
            byRule.Where(r => r.Value > 0).ToDictionary());
        var outside = violations["rules"]!.AsArray().Single(r => (string?)r!["rule"] == "box-outside-image")!;
        Assert.Equal("o5", (string?)outside["examples"]![0]!["id"]);
        Assert.Equal(6, (long)outside["examples"]![0]!["line"]!);

        // The offline audit with the same taxonomy finds the same violations, rule by rule, example by example.
        var file = Path.Combine(Path.GetTempPath(), $"violations-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(file, string.Join('\n', lines) + "\n");
        using var output = new StringWriter();
        var taxonomyFile = Path.Combine(Repository.Root, "samples", "taxonomies", "driving@1.0.0.yaml");
        Assert.Equal(0, await Cli.QualityCommand.InvokeAsync(["audit", file, "--json", "--taxonomy", taxonomyFile], output, TextWriter.Null, CancellationToken.None));
        File.Delete(file);
        var offline = JsonNode.Parse(output.ToString())!["violations"]!;
        Assert.True(JsonNode.DeepEquals(offline["rules"], violations["rules"]), $"{offline["rules"]} vs {violations["rules"]}");
        Assert.Equal((long)violations["annotationsChecked"]!, (long)offline["annotationsChecked"]!);
    }

    [Fact]
    public async Task Delivery_AValueTheTaxonomyDoesNotList_RejectedAsAHeaderDeclarationWouldBe()
    {
        await using var app = await QualityApp.StartAsync(processing: true);
        using var client = app.CreateClient();
        (await PutAsync(client, "/api/taxonomies/driving/1.0.0", Sample("1.0.0"))).Dispose();
        string[] lines =
        [
            """{"format":"serverless-quality.canonical","version":1,"deliveryId":"d-8","pipeline":"front-camera","vendor":"acme","taxonomy":{"name":"driving","version":"1.0.0"},"dataTypes":["frame-tags"]}""",
            """{"item":"f1","annotator":"a1","field":"weather","label":"fog"}""",
            """{"item":"f1","annotator":"a2","field":"weather","label":"snow"}""",
        ];

        var submitted = await BatchApiTests.SubmitAsync(client, string.Join('\n', lines) + "\n");
        var batch = await LocalHostTests.WaitForEndAsync(client, (string)submitted["id"]!);

        // 'snow' enters only in 1.1.0: agreement cannot place a value its field does not have, so it is not counted but refused.
        Assert.Equal("Rejected", (string?)batch["status"]);
        Assert.Equal("front-camera/acme/d-8.jsonl line 3, field 'label': 'snow' is not one of the declared values clear, cloudy, rain, fog; field 'weather'", (string?)batch["reason"]);
    }

    [Fact]
    public async Task Delivery_UnregisteredTaxonomy_AuditedUncheckedAndSaysSo()
    {
        await using var app = await QualityApp.StartAsync(processing: true);
        using var client = app.CreateClient();

        var submitted = await BatchApiTests.SubmitAsync(client, DeliveryGenerator.Generate(items: 5, seed: 2));
        var id = (string)submitted["id"]!;
        var batch = await LocalHostTests.WaitForEndAsync(client, id);

        Assert.Equal(("Completed", "driving-scenes@1.0.0", false), ((string?)batch["status"], (string?)batch["taxonomy"]!["reference"], (bool)batch["taxonomy"]!["checked"]!));
        var report = await client.GetFromJsonAsync<JsonObject>($"/api/batches/{id}/violations");
        Assert.False((bool)report!["checked"]!);
        Assert.StartsWith("taxonomy driving-scenes@1.0.0 is not registered", (string?)report["notCheckedReason"], StringComparison.Ordinal);
    }
}
