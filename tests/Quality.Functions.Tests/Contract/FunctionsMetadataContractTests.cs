using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Quality.LocalHost.Catalog;

namespace Quality.Functions.Tests.Contract;

/// <summary>
/// What the dev host runs is what Azure would run: the functions it registers, by name, with the same triggers,
/// routes, methods, blob paths and schedules as the functions.metadata the Worker SDK generated from the same code.
/// </summary>
public sealed class FunctionsMetadataContractTests
{
    private static readonly FunctionCatalog Catalog = FunctionCatalog.Of(typeof(FunctionsServiceCollectionExtensions).Assembly);

    [Fact]
    public void DevHostCatalog_EqualsGeneratedFunctionsMetadata()
    {
        var generated = FunctionsMetadata.Read(Path.Combine(FunctionsMetadata.BuildOutput, "functions.metadata"));
        var registered = new SortedDictionary<string, string>(Catalog.Functions.ToDictionary(
            f => f.Name,
            f => string.Join('\n', f.Bindings.Select(b => FunctionsMetadata.Describe(b.Name, b.Type, b.Properties)).Order(StringComparer.Ordinal))),
            StringComparer.Ordinal);

        Assert.Equal(generated.Keys, registered.Keys);
        foreach (var (name, bindings) in generated)
        {
            Assert.Equal($"{name}\n{bindings}", $"{name}\n{registered[name]}");
        }
    }

    [Fact]
    public async Task DevHostRoutes_EqualTheHttpTriggersOfTheGeneratedMetadata()
    {
        // The routes Kestrel serves in the dev host, not the attributes they were made from: host.json's prefix is empty in both.
        await using var app = await QualityApp.StartAsync(processing: false);
        var served = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')} → {e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName}"))
            .Order(StringComparer.Ordinal);
        var generated = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(FunctionsMetadata.BuildOutput, "functions.metadata")))!.AsArray()
            .SelectMany(f => f!["bindings"]!.AsArray().Where(b => (string?)b!["type"] == "httpTrigger")
                .SelectMany(b => b!["methods"]!.AsArray().Select(m => $"{((string)m!).ToUpperInvariant()} /{(string)b["route"]!} → {(string)f["name"]!}")))
            .Order(StringComparer.Ordinal);

        Assert.Equal(generated, served);
    }

    [Fact]
    public void HttpRoutes_AreUnderApi_ButTheDashboardAtTheRoot()
    {
        // host.json's route prefix is empty so that the dashboard can answer "/"; every other route names its "api/" itself,
        // so a route added without it (served at the site's root in Azure and here alike) fails here.
        var hostJson = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Quality.Tests.Shared.Repository.Root, "host.json")))!;
        Assert.Equal("", (string?)hostJson["extensions"]!["http"]!["routePrefix"]);
        Assert.All(Catalog.OfKind(TriggerKind.Http).Where(f => f.Name != "GetDashboard"),
            f => Assert.StartsWith("api/", f.HttpTrigger.Route, StringComparison.Ordinal));
        Assert.Equal(Quality.Functions.Dashboard.DashboardFunctions.RootRoute, Catalog.OfKind(TriggerKind.Http).Single(f => f.Name == "GetDashboard").HttpTrigger.Route);
    }

    [Fact]
    public void Catalog_HasTheAuditOrchestrationItsActivitiesTheBlobTriggerAndTheTimer()
    {
        // The shape the design names (ARCHITECTURE §2), so a function lost from the app is a failing test, not a quiet gap.
        Assert.Equal(["AuditBatch", "ComputeShards", "RollupDay"], Catalog.OfKind(TriggerKind.Orchestration).Select(f => f.Name));
        Assert.Equal(["Compute", "ComputeDailyRollup", "FailRun", "Finalize", "Ingest"], Catalog.OfKind(TriggerKind.Activity).Select(f => f.Name));
        var arrival = Assert.Single(Catalog.OfKind(TriggerKind.Blob));
        Assert.Equal(("OnBatchArrived", "incoming/{name}", "EventGrid"), (arrival.Name, arrival.BlobTrigger.BlobPath, arrival.BlobTrigger.Source.ToString()));
        var timer = Assert.Single(Catalog.OfKind(TriggerKind.Timer));
        Assert.Equal(("DailyRollup", "0 30 0 * * *"), (timer.Name, timer.TimerTrigger.Schedule));
    }

    /// <summary>
    /// The Functions host tries overlapping routes in the order of their functions' names, where ASP.NET Core (the dev
    /// host) prefers the literal segment. They agree only while every literal route's function sorts first.
    /// </summary>
    [Fact]
    public void OverlappingRoutes_TheLiteralRouteSortsFirst_SoAzureAndTheDevHostRouteAlike()
    {
        var routes = Catalog.OfKind(TriggerKind.Http)
            .SelectMany(f => f.HttpTrigger.Methods!.Select(m => (f.Name, Method: m.ToLowerInvariant(), Segments: f.HttpTrigger.Route!.Split('/'))))
            .ToList();
        var overlaps = 0;
        foreach (var literal in routes)
        {
            foreach (var template in routes.Where(t => t.Method == literal.Method && t.Name != literal.Name && Shadows(t.Segments, literal.Segments)))
            {
                overlaps++;
                Assert.True(string.Compare(literal.Name, template.Name, StringComparison.OrdinalIgnoreCase) < 0,
                    $"{literal.Method} {string.Join('/', literal.Segments)} ({literal.Name}) is also matched by {string.Join('/', template.Segments)} ({template.Name}), which Azure tries first.");
            }
        }

        // taxonomies/{name}/diff and taxonomies/{name}/{version}: the one overlap today, so the check is exercised.
        Assert.True(overlaps >= 1);
    }

    /// <summary>True when every segment of <paramref name="literal"/> is matched by <paramref name="template"/>'s, one of them by a parameter.</summary>
    private static bool Shadows(string[] template, string[] literal) =>
        template.Length == literal.Length
        && template.Zip(literal).All(p => IsParameter(p.First) || p.First == p.Second)
        && template.Zip(literal).Any(p => IsParameter(p.First) && !IsParameter(p.Second));

    private static bool IsParameter(string segment) => Regex.IsMatch(segment, @"^\{[^}]+\}$", RegexOptions.None, TimeSpan.FromSeconds(1));
}
