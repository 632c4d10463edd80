using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Quality.Functions.Access;
using Quality.LocalHost.Catalog;

namespace Quality.Functions.Tests.Access;

/// <summary>
/// Every HTTP function, walked from the route table: each refuses every caller below its role (401 with no principal,
/// 403 with a lower role, naming the role needed) and lets its role through, over real HTTP on the dev host.
/// </summary>
public sealed class RoleWalkTests
{
    private static readonly FunctionCatalog Catalog = FunctionCatalog.Of(typeof(FunctionsServiceCollectionExtensions).Assembly);

    /// <summary>The functions that may answer anyone: the app's health and the description of its API.</summary>
    private static readonly string[] AnonymousByDesign = ["GetHealth", "GetOpenApiDocument", "GetApiDocs"];

    [Fact]
    public void RouteTable_NamesEveryHttpFunctionAndNothingElse()
    {
        Assert.Equal(
            Catalog.OfKind(TriggerKind.Http).Select(f => f.Name).Order(StringComparer.Ordinal),
            ApiRoutes.ByFunction.Keys.Order(StringComparer.Ordinal));
        // Only what holds no data is open to anyone.
        Assert.All(ApiRoutes.ByFunction.Where(r => r.Value.Role == QualityRole.Anonymous), r => Assert.Contains(r.Key, AnonymousByDesign));
        // The Functions host asks no route for a key: App Service Authentication's token and the roles decide.
        Assert.All(Catalog.OfKind(TriggerKind.Http), f => Assert.Equal(Microsoft.Azure.Functions.Worker.AuthorizationLevel.Anonymous, f.HttpTrigger.AuthLevel));
        // Writes are never open to readers: whatever changes state needs a reviewer or an admin.
        Assert.All(Catalog.OfKind(TriggerKind.Http).Where(f => f.HttpTrigger.Methods!.Any(m => m != "get")),
            f => Assert.True(ApiRoutes.ByFunction[f.Name].Role >= QualityRole.Reviewer, $"{f.Name} changes state and is open to {ApiRoutes.ByFunction[f.Name].Role}"));
    }

    [Fact]
    public async Task EveryRoute_RefusesTheRolesBelowItsOwnAndLetsItsOwnThrough()
    {
        await using var app = await QualityApp.StartAsync(processing: false, Principals.RolesMode());
        using var client = app.CreateClient();
        var walked = 0;
        foreach (var function in Catalog.OfKind(TriggerKind.Http))
        {
            var needed = ApiRoutes.ByFunction[function.Name].Role;
            var url = "/" + Fill(function.HttpTrigger.Route!);
            var method = new HttpMethod(function.HttpTrigger.Methods!.Single().ToUpperInvariant());
            if (needed == QualityRole.Anonymous)
            {
                Assert.NotEqual(HttpStatusCode.Unauthorized, (await SendAsync(client, method, url, null)).Status);
                continue;
            }

            var anonymous = await SendAsync(client, method, url, null);
            Assert.True(anonymous.Status == HttpStatusCode.Unauthorized, $"{function.Name} without a caller: {anonymous.Status}");
            Assert.Equal(QualityRoles.Name(needed), (string?)anonymous.Problem!["requiredRole"]);
            foreach (var lower in Enum.GetValues<QualityRole>().Where(r => r > QualityRole.Anonymous && r < needed))
            {
                var refused = await SendAsync(client, method, url, Principals.Header("Lower", "id-lower", QualityRoles.Name(lower)));
                Assert.True(refused.Status == HttpStatusCode.Forbidden, $"{function.Name} as {lower}: {refused.Status}");
                Assert.Equal(QualityRoles.Name(needed), (string?)refused.Problem!["requiredRole"]);
            }

            var allowed = await SendAsync(client, method, url, Principals.Header("Enough", "id-enough", QualityRoles.Name(needed)));
            Assert.True(allowed.Status is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden, $"{function.Name} as {needed}: {allowed.Status}");
            walked++;
        }

        Assert.Equal(ApiRoutes.ByFunction.Values.Count(r => r.Role != QualityRole.Anonymous), walked);
    }

    [Fact]
    public async Task RolesMode_PlatformAuthenticationOff_EveryRequestRefused503EvenWithAPrincipal()
    {
        // Anyone can send X-MS-CLIENT-PRINCIPAL; only App Service Authentication's own is to be trusted.
        await using var app = await QualityApp.StartAsync(processing: false, new Dictionary<string, string?> { ["Auth:Mode"] = "Roles" });
        using var client = app.CreateClient();

        var response = await SendAsync(client, HttpMethod.Put, "/api/standards/p", Principals.Header("Mallory", "id-m", "quality.admin"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.Status);
        Assert.Contains("WEBSITE_AUTH_ENABLED", (string?)response.Problem!["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64 at all", HttpStatusCode.Unauthorized)] // no principal can be read: no caller
    [InlineData("eyJub3QiOiAiYSBwcmluY2lwYWwifQ==", HttpStatusCode.Forbidden)] // {"not": "a principal"}: a caller with no claims, so no role
    public async Task RolesMode_HeaderThatIsNoPrincipalWithARole_Refused(string header, HttpStatusCode expected)
    {
        await using var app = await QualityApp.StartAsync(processing: false, Principals.RolesMode());
        using var client = app.CreateClient();

        var response = await SendAsync(client, HttpMethod.Get, "/api/batches", header);

        Assert.Equal(expected, response.Status);
        Assert.Equal("quality.reader", (string?)response.Problem!["requiredRole"]);
    }

    [Fact]
    public async Task OpenMode_InAzure_RefusesToStart()
    {
        var start = () => QualityApp.StartAsync(processing: false, new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "Open",
            ["WEBSITE_SITE_NAME"] = "quality-prod",
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(start);
        Assert.Contains("Auth:Mode is Open in Azure", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A route with each parameter given a well-formed value, so a refusal is about the caller, not the input.</summary>
    private static string Fill(string route) => route
        .Replace(Quality.Functions.Dashboard.DashboardFunctions.RootRoute, "", StringComparison.Ordinal)
        .Replace("{id}", "0123456789abcdef0123456789abcdef", StringComparison.Ordinal)
        .Replace("{annotatorId}", "ann-01", StringComparison.Ordinal)
        .Replace("{pipeline}", "p", StringComparison.Ordinal)
        .Replace("{metric}", "alpha", StringComparison.Ordinal)
        .Replace("{vendor}", "v", StringComparison.Ordinal)
        .Replace("{name}", "t", StringComparison.Ordinal)
        .Replace("{version}", "1.0.0", StringComparison.Ordinal)
        .Replace("{model}", "m", StringComparison.Ordinal)
        .Replace("{modelVersion}", "v1", StringComparison.Ordinal);

    private static async Task<(HttpStatusCode Status, JsonObject? Problem)> SendAsync(HttpClient client, HttpMethod method, string url, string? principal)
    {
        using var request = new HttpRequestMessage(method, url);
        if (principal is not null)
        {
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
        }

        if (method != HttpMethod.Get)
        {
            request.Content = new StringContent("");
        }

        using var response = await client.SendAsync(request);
        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? await response.Content.ReadFromJsonAsync<JsonObject>()
            : null;
        return (response.StatusCode, problem);
    }
}
