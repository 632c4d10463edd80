using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Quality.Functions.Http;

namespace Quality.Functions.OpenApi;

/// <summary>
/// <c>/api/openapi.json</c> and <c>/api/docs</c>: the API's description, to anyone (no role, no function key). Paths are
/// taken from the request, so the document and the page name whatever prefix the host serves the functions under.
/// </summary>
internal sealed class OpenApiFunctions(ApiDocument document, ApiDocsPage page)
{
    private const string DocumentRoute = "openapi.json";

    [Function("GetOpenApiDocument")]
    public IResult GetDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DocumentRoute)] HttpRequest request) =>
        TypedResults.Bytes(document.Utf8(Prefix(request)), "application/json");

    [Function("GetApiDocs")]
    public IResult GetDocs(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs")] HttpRequest request) =>
        Query.String(request, "asset") switch
        {
            null => TypedResults.Text(ApiDocsPage.Html(Prefix(request) + "/docs", Prefix(request) + "/" + DocumentRoute), "text/html; charset=utf-8"),
            ApiDocsPage.ScriptAsset => page.Script(request),
            var other => Problems.NotFound($"No asset '{other}'; the page loads {ApiDocsPage.ScriptAsset}."),
        };

    /// <summary>The path the functions are served under (host.json's route prefix): the request's path up to its last segment.</summary>
    private static string Prefix(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = (request.PathBase + request.Path).Value?.TrimEnd('/') ?? "";
        return path[..Math.Max(0, path.LastIndexOf('/'))];
    }
}
