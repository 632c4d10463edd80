using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Quality.Functions.Access;
using Quality.Functions.Tests.Access;
using Quality.LocalHost.Catalog;

namespace Quality.Functions.Tests.OpenApi;

/// <summary>
/// <c>/api/openapi.json</c> over real HTTP on the dev host, in Roles mode and without a caller (it is anonymous): a valid
/// OpenAPI 3.1 document, read back by Microsoft.OpenApi, naming exactly the routes the host serves, each with its role,
/// parameters and answers.
/// </summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task Document_ReadByMicrosoftOpenApi_HasNoErrorsOrWarnings()
    {
        await using var app = await QualityApp.StartAsync(processing: false, Principals.RolesMode());
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var read = OpenApiDocument.Parse(await response.Content.ReadAsStringAsync(), "json");
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, read.Diagnostic?.SpecificationVersion);
        Assert.Empty(read.Diagnostic!.Errors.Select(e => e.ToString()));
        Assert.Empty(read.Diagnostic.Warnings.Select(e => e.ToString()));
        Assert.Empty(read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())!.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Document_NamesEveryServedRouteAndOnlyThose()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();

        var document = await DocumentAsync(client);

        var served = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m =>
                $"{m} /{Dashboard(e.RoutePattern.RawText!.TrimStart('/'))} {e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName}"))
            .Order(StringComparer.Ordinal);
        var server = (string)document["servers"]![0]!["url"]!;
        var documented = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key.ToUpperInvariant()} {server.TrimEnd('/')}{p.Key} {o.Value!["operationId"]}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(served, documented);
        Assert.Equal(FunctionCatalog.Of(typeof(FunctionsServiceCollectionExtensions).Assembly).OfKind(TriggerKind.Http).Count(), documented.Count());
    }

    [Fact]
    public async Task WriteRoute_StatesItsRoleItsRefusalsAndItsBody()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();
        var document = await DocumentAsync(client);

        var put = Operation(document, "PutStandard");

        Assert.Equal("quality.admin", (string?)put["x-required-role"]);
        Assert.Equal("quality.admin", (string?)put["security"]![0]!["appServiceAuthentication"]![0]);
        Assert.Equal(["appServiceAuthentication"], put["security"]![0]!.AsObject().Select(s => s.Key));
        foreach (var status in new[] { "401", "403" })
        {
            var added = put["responses"]![status]!["content"]!["application/problem+json"]!["schema"]!["allOf"]![1]!;
            Assert.Equal(["quality.admin"], added["properties"]!["requiredRole"]!["enum"]!.AsArray().Select(v => (string?)v));
            Assert.Contains("requiredRole", added["required"]!.AsArray().Select(v => (string?)v));
        }

        Assert.Equal(["200", "201", "400", "401", "403", "409", "413", "500", "503"], put["responses"]!.AsObject().Select(r => r.Key));
        Assert.NotNull(put["responses"]!["201"]!["headers"]!["Location"]);
        Assert.NotNull(put["requestBody"]!["content"]!["application/yaml"]);
        // The anonymous routes need nothing and refuse no one.
        foreach (var open in new[] { Operation(document, "GetOpenApiDocument"), Operation(document, "GetApiDocs"), Operation(document, "GetHealth") })
        {
            Assert.Empty(open["security"]!.AsArray());
            Assert.Null(open["responses"]!["401"]);
        }
    }

    [Fact]
    public async Task QueryAndPathParameters_AsTheFunctionsReadThem()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();
        var document = await DocumentAsync(client);

        var top = Parameter(Operation(document, "ListBatches"), "top");
        Assert.Equal("query", (string?)top["in"]);
        Assert.Equal("integer", (string?)top["schema"]!["type"]);
        Assert.False((bool)top["required"]!);
        Assert.True((bool)Parameter(Operation(document, "GetVendorInspection"), "pipeline")["required"]!);
        Assert.Contains("unknown-class", Parameter(Operation(document, "GetBatchViolations"), "rule")["schema"]!["enum"]!.AsArray().Select(v => (string?)v));
        var id = Parameter(Operation(document, "GetBatch"), "id");
        Assert.Equal(("path", true, "^[0-9a-f]{32}$"), ((string?)id["in"], (bool)id["required"]!, (string?)id["schema"]!["pattern"]));
        Assert.All(FunctionCatalog.Of(typeof(FunctionsServiceCollectionExtensions).Assembly).OfKind(TriggerKind.Http)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(f.HttpTrigger.Route!, @"\{(\w+)\}").Select(m => m.Groups[1].Value)),
            name => Assert.True(ApiRoutes.PathParameters.ContainsKey(name), $"Path parameter {name} is not described in ApiRoutes.PathParameters."));
    }

    [Fact]
    public async Task AnswerSchemas_AreTheViewsAsTheirSerializerWritesThem()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();
        var document = await DocumentAsync(client);

        // GET /api/batches/{id} answers BatchView with the HTTP options: every property, camelCase, the review too.
        var batch = Component(document, Operation(document, "GetBatch")["responses"]!["200"]!["content"]!["application/json"]!["schema"]!);
        Assert.Equal(
            typeof(Quality.Functions.Batches.BatchView).GetProperties().Where(p => p.Name != "EqualityContract").Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]).Order(StringComparer.Ordinal),
            batch["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Contains("review", batch["required"]!.AsArray().Select(v => (string?)v)); // always written, null or not
        // A finding is written by ReportJson: enum values camelCase.
        var finding = Component(document, Operation(document, "GetFinding")["responses"]!["200"]!["content"]!["application/json"]!["schema"]!);
        Assert.Equal(["open", "acknowledged", "resolved"], finding["properties"]!["status"]!["enum"]!.AsArray().Select(v => (string?)v));
        // A 409 of a batch report names the batch's status.
        var conflict = Operation(document, "GetBatchVerdict")["responses"]!["409"]!["content"]!["application/problem+json"]!["schema"]!["allOf"]![1]!;
        Assert.Contains("Running", conflict["properties"]!["batchStatus"]!["enum"]!.AsArray().Select(v => (string?)v));
    }

    [Fact]
    public void RouteTable_EveryRouteStatesASuccessfulAnswer()
    {
        Assert.All(ApiRoutes.ByFunction, r => Assert.True(r.Value.Responses.Any(a => a.Status is >= 200 and < 300), $"{r.Key} states no 2xx answer."));
    }

    [Fact]
    public async Task Docs_AnswersAPageThatRendersTheDocumentWithTheBundledScript()
    {
        await using var app = await QualityApp.StartAsync(processing: false, Principals.RolesMode());
        using var client = app.CreateClient();

        using var page = await client.GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("\"/api/openapi.json\"", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/api/docs?asset=scalar.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);

        using var script = await client.GetAsync("/api/docs?asset=scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("createApiReference", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var gzipRequest = new HttpRequestMessage(HttpMethod.Get, "/api/docs?asset=scalar.js");
        gzipRequest.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var gzipped = await client.SendAsync(gzipRequest);
        Assert.Equal(["gzip"], gzipped.Content.Headers.ContentEncoding);
        Assert.True((await gzipped.Content.ReadAsByteArrayAsync()).Length < (await script.Content.ReadAsByteArrayAsync()).Length / 2);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/docs?asset=scalar.js");
        again.Headers.IfNoneMatch.Add(script.Headers.ETag!);
        using var unchanged = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);

        using var unknown = await client.GetAsync("/api/docs?asset=nope.js");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    internal static async Task<JsonObject> DocumentAsync(HttpClient client) =>
        JsonNode.Parse(await client.GetStringAsync("/api/openapi.json"))!.AsObject();

    internal static JsonObject Operation(JsonObject document, string operationId) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => o.Value!.AsObject()))
            .Single(o => (string?)o["operationId"] == operationId);

    /// <summary>The dashboard's route fills only the empty path: the document names it as the site's root.</summary>
    private static string Dashboard(string route) => route == Quality.Functions.Dashboard.DashboardFunctions.RootRoute ? "" : route;

    private static JsonNode Parameter(JsonObject operation, string name) =>
        operation["parameters"]!.AsArray().Single(p => (string?)p!["name"] == name)!;

    private static JsonNode Component(JsonObject document, JsonNode reference) =>
        document["components"]!["schemas"]![((string)reference["$ref"]!)["#/components/schemas/".Length..]]!;
}
