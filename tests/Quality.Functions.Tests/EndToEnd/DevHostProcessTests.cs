using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.EndToEnd;

/// <summary>The README's run command as a new user runs it: no storage configured, so the dev host starts its own Azurite.</summary>
public sealed class DevHostProcessTests
{
    [Fact]
    public async Task DevHost_NoStorageConfigured_StartsItsOwnAzuriteAndAuditsTheSample()
    {
        var port = FreePorts.One();
        // Free ports for this Azurite too, so a developer's own Azurite on 10000-10002 is left alone; in memory, so the
        // repository's .quality/azurite (a developer's own data) is left alone too.
        await using var host = HostProcess.Start(new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Azurite:BlobPort"] = "0",
            ["Azurite:QueuePort"] = "0",
            ["Azurite:TablePort"] = "0",
            ["Azurite:InMemory"] = "true",
        }, "own-azurite");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var listed = await Eventually.UntilAsync(async () =>
        {
            try
            {
                return await client.GetFromJsonAsync<JsonObject>("/api/batches");
            }
            catch (HttpRequestException)
            {
                return null; // not listening yet
            }
        }, $"the dev host answering\n{host.Output}", TimeSpan.FromSeconds(90));
        Assert.Empty(listed["batches"]!.AsArray());

        var submitted = await Api.BatchApiTests.SubmitAsync(client, await File.ReadAllTextAsync(Repository.Sample("front-camera-tags.jsonl")));
        var batch = await LocalHostTests.WaitForEndAsync(client, (string)submitted["id"]!);
        Assert.Equal("Completed", (string?)batch["status"]);
        Assert.Equal(300, (int)batch["counts"]!["items"]!);
        using var unknown = await client.GetAsync("/api/batches/0123456789abcdef0123456789abcdef");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
