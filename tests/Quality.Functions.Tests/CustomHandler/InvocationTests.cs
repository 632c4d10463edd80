using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Quality.Pipeline.Messages;
using Quality.Pipeline.Runs;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.CustomHandler;

/// <summary>
/// Drives a whole run only through invocations shaped as the Functions host sends them (reference/azure-platform.md
/// §1.3-1.4): queue message text JSON-quoted a second time, metadata strings quoted, numbers as strings.
/// </summary>
public sealed class InvocationTests
{
    [Fact]
    public async Task QueueInvocations_RecordedShapes_CompleteARun()
    {
        await using var app = await QualityApp.StartAsync(localDrivers: false);
        using var client = app.CreateClient();
        var delivery = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "samples", "krippendorff-2011.jsonl"));
        var blob = new BlobServiceClient(app.ConnectionString).GetBlobContainerClient(app.Prefix + "-incoming").GetBlobClient("ref/k.jsonl");
        await blob.UploadAsync(BinaryData.FromString(delivery));
        var md5 = Convert.ToBase64String((await blob.GetPropertiesAsync()).Value.ContentHash);
        var runId = RunIds.For("ref/k.jsonl", "md5:" + md5);

        var arrival = JsonSerializer.Serialize(new
        {
            id = "e1",
            eventType = BlobCreatedEvent.BlobCreatedType,
            subject = BlobCreatedEvent.SubjectFor(app.Prefix + "-incoming", "ref/k.jsonl"),
            eventTime = "2026-11-25T10:00:00Z",
            data = new { api = "PutBlob", url = "http://127.0.0.1/devstoreaccount1/incoming/ref/k.jsonl" },
        });
        await AssertInvocationOkAsync(client, "OnBatchArrived", QueueInvocation(arrival, dequeueCount: 1));
        await AssertInvocationOkAsync(client, "Ingest", QueueInvocation($$"""{"v":1,"runId":"{{runId}}"}""", dequeueCount: 1));
        await AssertInvocationOkAsync(client, "Compute", QueueInvocation($$"""{"v":1,"runId":"{{runId}}","kind":"batch-audit","shard":0}""", dequeueCount: 2));
        await AssertInvocationOkAsync(client, "Finalize", QueueInvocation($$"""{"v":1,"runId":"{{runId}}"}""", dequeueCount: 1));

        var batch = await client.GetFromJsonAsync<JsonObject>($"/api/batches/{runId}");
        Assert.Equal("Completed", (string?)batch!["status"]);
        // Krippendorff (2011) reliability data, nominal: 0.743 published, 113/152 exactly.
        Assert.Equal(113.0 / 152, (double)batch["agreement"]!["krippendorffAlphaNominal"]!, 12);
    }

    [Fact]
    public async Task QueueInvocation_MalformedMessage_Returns500WithJsonBody()
    {
        await using var app = await QualityApp.StartAsync(localDrivers: false);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/Compute", Json(QueueInvocation("not json at all", dequeueCount: 1)));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("Compute attempt 1 failed", (string?)body!["Logs"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimerInvocation_DailyRollup_AnswersWithLogs()
    {
        await using var app = await QualityApp.StartAsync(localDrivers: false);
        using var client = app.CreateClient();
        var timer = new JsonObject
        {
            ["Data"] = new JsonObject
            {
                ["timer"] = new JsonObject
                {
                    ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                    ["ScheduleStatus"] = new JsonObject { ["Last"] = "2026-11-24T00:30:00Z", ["Next"] = "2026-11-25T00:30:00Z", ["LastUpdated"] = "2026-11-24T00:30:00Z" },
                    ["IsPastDue"] = false,
                },
            },
            ["Metadata"] = new JsonObject { ["sys"] = new JsonObject { ["MethodName"] = "DailyRollup", ["UtcNow"] = "2026-11-25T00:30:00Z", ["RandGuid"] = "0f1e" } },
        };

        var body = await AssertInvocationOkAsync(client, "DailyRollup", timer);

        Assert.StartsWith("Daily rollup for ", (string?)body["Logs"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpInvocation_EnvelopeForApi_AnswersWithAllFourHttpOutputFields()
    {
        await using var app = await QualityApp.StartAsync(localDrivers: false);
        using var client = app.CreateClient();
        var request = new JsonObject
        {
            ["Data"] = new JsonObject
            {
                ["req"] = new JsonObject
                {
                    ["Url"] = "http://localhost:7071/api/batches/0123456789abcdef0123456789abcdef",
                    ["Method"] = "GET",
                    ["Query"] = new JsonObject(),
                    ["Headers"] = new JsonObject { ["Accept"] = new JsonArray("application/json") },
                    ["Params"] = new JsonObject(),
                    ["Body"] = "",
                },
            },
            ["Metadata"] = new JsonObject { ["Query"] = new JsonObject(), ["Headers"] = new JsonObject() },
        };

        var body = await AssertInvocationOkAsync(client, "Api", request);

        var res = body["Outputs"]!["res"]!;
        Assert.Equal(404, (int)res["statusCode"]!);
        Assert.Equal(404, (int)res["status"]!);
        Assert.Contains("No batch 0123456789abcdef0123456789abcdef", (string?)res["body"], StringComparison.Ordinal);
        Assert.NotNull(res["headers"]);
    }

    /// <summary>A queue invocation as the host builds it: the message string serialised again, metadata strings quoted.</summary>
    private static JsonObject QueueInvocation(string message, int dequeueCount) => new()
    {
        ["Data"] = new JsonObject { ["message"] = JsonSerializer.Serialize(message) },
        ["Metadata"] = new JsonObject
        {
            ["DequeueCount"] = dequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Id"] = "\"5d3a7b6c-0000-0000-0000-000000000001\"",
            ["PopReceipt"] = "\"AgAAAAMAAAAAAAAA\"",
            ["InsertionTime"] = "\"2026-11-25T10:00:00+00:00\"",
            ["sys"] = new JsonObject { ["MethodName"] = "Queue", ["UtcNow"] = "2026-11-25T10:00:01Z", ["RandGuid"] = "9a1b" },
        },
    };

    private static async Task<JsonObject> AssertInvocationOkAsync(HttpClient client, string function, JsonObject invocation)
    {
        using var response = await client.PostAsync("/" + function, Json(invocation));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{function}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.True(body.ContainsKey("Outputs") && body.ContainsKey("Logs") && body.ContainsKey("ReturnValue"), text);
        return body;
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");
}
