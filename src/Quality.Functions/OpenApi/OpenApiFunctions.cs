using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Quality.Functions.Http;

namespace Quality.Functions.OpenApi;

/// <summary>
/// <c>/api/openapi.json</c> and <c>/api/docs</c>: the API's description, to anyone (no role, no function key). Paths are
/// taken from the request, so the document and the page name wherever the host serves the functions (the site's root,
/// or below a path the request came through).
/// </summary>
internal sealed class OpenApiFunctions(ApiDocument document, ApiDocsPage page)
{
    private const string DocumentRoute = "api/openapi.json";

    private const string DocsRoute = "api/docs";

    [Function("GetOpenApiDocument")]
    public IResult GetDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DocumentRoute)] HttpRequest request) =>
        TypedResults.Bytes(document.Utf8(Root(request, DocumentRoute)), "application/json");

    [Function("GetApiDocs")]
    public IResult GetDocs(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DocsRoute)] HttpRequest request) =>
        Query.String(request, "asset") switch
        {
            null => TypedResults.Text(ApiDocsPage.Html(Root(request, DocsRoute) + "/" + DocsRoute, Root(request, DocsRoute) + "/" + DocumentRoute), "text/html; charset=utf-8"),
            ApiDocsPage.ScriptAsset => page.Script(request),
            var other => Problems.NotFound($"No asset '{other}'; the page loads {ApiDocsPage.ScriptAsset}."),
        };

    /// <summary>
    /// The path the site is served under: the request's path less the function's own route (empty at the site's root,
    /// as host.json's empty route prefix serves every function).
    /// </summary>
    private static string Root(HttpRequest request, string route)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = (request.PathBase + request.Path).Value?.TrimEnd('/') ?? "";
        return path.EndsWith("/" + route, StringComparison.OrdinalIgnoreCase) ? path[..^(route.Length + 1)] : "";
    }
}
