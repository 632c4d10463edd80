using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Quality.Cli;
using Quality.Functions.Tests.EndToEnd;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Batches;

/// <summary><c>POST /api/deliveries</c> with a vendor export as it is: names in the query, a folder with a generated manifest.</summary>
public sealed class DeliveryFunctionsTests
{
    private static string Evalme => Path.Combine(Repository.Shared, "data", "ls-evalme-3annotators", "test_bbox.json");

    [Fact]
    public async Task LabelStudioExport_WithNamesInTheQuery_LandsAsAFolderAndAuditsAsTheFileOffline()
    {
        await using var app = await QualityApp.StartAsync(processing: true);
        using var client = app.CreateClient();
        using var content = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(Evalme)), "file", "test_bbox.json" } };

        using var response = await client.PostAsync("/api/deliveries?pipeline=front-camera&vendor=acme&deliveryId=ls-1", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var submitted = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("front-camera/acme/ls-1/manifest.json", (string?)submitted["blobName"]);
        Assert.Equal(["front-camera/acme/ls-1/test_bbox.json", "front-camera/acme/ls-1/manifest.json"], submitted["files"]!.AsArray().Select(f => (string?)f));
        var id = (string)submitted["id"]!;
        var batch = await LocalHostTests.WaitForEndAsync(client, id);
        Assert.Equal("Completed", (string?)batch["status"]);
        // 5 tasks, 3 annotators (completed_by 1, 2, 3), 91 boxes: shared/data/ls-evalme-3annotators/SOURCE.md.
        Assert.Equal((5L, 3L, 91L), ((long)batch["counts"]!["items"]!, (long)batch["counts"]!["annotators"]!, (long)batch["counts"]!["annotations"]!));

        using var output = new StringWriter();
        Assert.Equal(0, await QualityCommand.InvokeAsync(["audit", Evalme, "--json"], output, TextWriter.Null, CancellationToken.None));
        var offline = JsonNode.Parse(output.ToString())!;
        var audit = await client.GetFromJsonAsync<JsonObject>($"/api/batches/{id}/audit");
        Assert.True(JsonNode.DeepEquals(offline["spatial"], audit!["spatial"]), $"spatial: {offline["spatial"]} vs {audit["spatial"]}");
        var listed = await client.GetFromJsonAsync<JsonObject>("/api/batches?pipeline=front-camera");
        Assert.Equal(id, (string?)listed!["batches"]![0]!["id"]);
    }

    [Fact]
    public async Task LabelStudioExport_WithoutCompletedBy_CompletesAndTheBatchCarriesTheWarning()
    {
        await using var app = await QualityApp.StartAsync(processing: true);
        using var client = app.CreateClient();
        var export = Path.Combine(Repository.Shared, "data", "ls-evalme-3annotators", "test_old_format.json");

        using var response = await client.PostAsync("/api/deliveries?pipeline=sentiment&vendor=acme&deliveryId=old-1", new ByteArrayContent(await File.ReadAllBytesAsync(export)));
        var batch = await LocalHostTests.WaitForEndAsync(client, (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);

        Assert.Equal("Completed", (string?)batch["status"]);
        Assert.Equal(3L, (long)batch["counts"]!["annotators"]!);
        var warning = (string?)Assert.Single(batch["warnings"]!.AsArray());
        // A raw body has no file name: the file is named after its format.
        Assert.StartsWith("sentiment/acme/old-1/label-studio.json line 1, field 'completions[0].completed_by': 3 annotations name no annotator (no completed_by)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabelStudioExport_PostedAsCanonical_400NamingItsFormatAndTheQueryParameters_NothingStored()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/deliveries", new ByteArrayContent(await File.ReadAllBytesAsync(Evalme)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("request body", 0L, "format"), ((string?)problem["file"], (long)problem["line"]!, (string?)problem["field"]));
        Assert.Equal("looks like a Label Studio JSON export (label-studio), not a canonical delivery; post it as it is to POST /api/deliveries with pipeline, vendor and deliveryId in the query "
            + "(or quality submit FILE --pipeline --vendor --delivery-id), which writes its manifest, or deliver it in a folder with a manifest.json (docs/formats/manifest.md)", (string?)problem["problem"]);
        var storage = app.Get<StorageClients>();
        await foreach (var blob in storage.Container(storage.Names.Incoming).GetBlobsAsync())
        {
            Assert.Fail($"{blob.Name} was stored from a refused body.");
        }
    }

    [Theory]
    [InlineData("?pipeline=p&vendor=v", "deliveryId")]
    [InlineData("?pipeline=p&vendor=v&deliveryId=a%2Fb", "deliveryId")]
    [InlineData("?annotator=ann-01", "annotator")]
    [InlineData("?pipeline=p&vendor=v&deliveryId=d&role=boss", "role")]
    [InlineData("?pipeline=p&vendor=v&deliveryId=d&taxonomy=driving", "taxonomy")]
    public async Task BadNames_400NamingTheParameter(string query, string parameter)
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/deliveries" + query, new ByteArrayContent(await File.ReadAllBytesAsync(Evalme)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["parameter"]);
    }
}
