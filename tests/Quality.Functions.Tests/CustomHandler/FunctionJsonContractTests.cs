using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Quality.Functions.CustomHandler;
using Quality.Pipeline;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.CustomHandler;

/// <summary>The custom-handler layout: every function.json has an endpoint, every endpoint a function.json.</summary>
public sealed class FunctionJsonContractTests
{
    private static readonly string FunctionsFolder = Path.Combine(Repository.Root, "src", "Quality.Functions", "Functions");

    [Fact]
    public void FunctionFolders_MatchHandlerFunctions()
    {
        var folders = Directory.GetDirectories(FunctionsFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(FunctionEndpoints.Names.Order(StringComparer.Ordinal), folders);
    }

    [Fact]
    public async Task Endpoints_EveryFunctionHasAPostEndpointAndEveryPostEndpointAFunction()
    {
        await using var app = await QualityApp.StartAsync(localDrivers: false);
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => !r.StartsWith("api/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Equal(FunctionEndpoints.Names.Order(StringComparer.Ordinal), routes);
    }

    [Fact]
    public void QueueTriggers_NameThePipelinesQueues()
    {
        var names = new StorageNames("");
        var expected = new Dictionary<string, string>
        {
            ["OnBatchArrived"] = names.BatchArrivals,
            ["Ingest"] = names.Ingest,
            ["Compute"] = names.Compute,
            ["Finalize"] = names.Finalize,
        };

        foreach (var (function, queue) in expected)
        {
            var binding = Bindings(function).Single();
            Assert.Equal("queueTrigger", binding.GetProperty("type").GetString());
            Assert.Equal(queue, binding.GetProperty("queueName").GetString());
        }

        Assert.Equal("timerTrigger", Bindings("DailyRollup").Single().GetProperty("type").GetString());
        Assert.Equal(["httpTrigger", "http"], Bindings("Api").Select(b => b.GetProperty("type").GetString()));
    }

    [Fact]
    public void HostJson_RetriesAsOftenAsThePipelineExpects()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "host.json")));
        var queues = host.RootElement.GetProperty("extensions").GetProperty("queues");

        Assert.Equal(new PipelineOptions().MaxDequeueCount, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
        Assert.True(host.RootElement.GetProperty("customHandler").GetProperty("enableForwardingHttpRequest").GetBoolean());
    }

    private static List<JsonElement> Bindings(string function)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsFolder, function, "function.json")));
        return json.RootElement.GetProperty("bindings").EnumerateArray().Select(b => b.Clone()).ToList();
    }
}
