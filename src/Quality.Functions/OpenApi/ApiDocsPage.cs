using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Scalar.AspNetCore;

namespace Quality.Functions.OpenApi;

/// <summary>
/// The page at <c>/api/docs</c>: Scalar's API reference rendering <c>/api/openapi.json</c>. Its script is the bundle the
/// Scalar.AspNetCore package embeds, served by the page's own function (<c>?asset=scalar.js</c>), so the page needs no
/// CDN: it works offline and behind a firewall. Scalar's web fonts, telemetry, agent and developer toolbar (links to
/// Scalar's hosted services) are off for the same reason.
/// </summary>
internal sealed class ApiDocsPage
{
    public const string ScriptAsset = "scalar.js";

    /// <summary>Gzip-compressed in the package; sent as it is to a client that accepts gzip.</summary>
    private const string ScriptResource = "ScalarStaticAssets.scalar.js";

    private readonly Lazy<byte[]> _gzipped = new(() =>
    {
        using var resource = typeof(ScalarOptions).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"Scalar.AspNetCore no longer embeds {ScriptResource}; see ApiDocsPage.");
        using var bytes = new MemoryStream();
        resource.CopyTo(bytes);
        return bytes.ToArray();
    });

    private readonly Lazy<byte[]> _plain;

    private readonly EntityTagHeaderValue _gzippedTag;

    private readonly EntityTagHeaderValue _plainTag;

    public ApiDocsPage()
    {
        _plain = new(() =>
        {
            using var gzip = new GZipStream(new MemoryStream(_gzipped.Value), CompressionMode.Decompress);
            using var bytes = new MemoryStream();
            gzip.CopyTo(bytes);
            return bytes.ToArray();
        });
        var build = typeof(ScalarOptions).Assembly.ManifestModule.ModuleVersionId.ToString("N");
        _gzippedTag = new($"\"scalar-{build}-gzip\"");
        _plainTag = new($"\"scalar-{build}\"");
    }

    /// <param name="self">This page's path; the script is fetched from it.</param>
    /// <param name="document">The OpenAPI document's path.</param>
    public static string Html(string self, string document) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Serverless.Quality API</title>
        </head>
        <body>
          <div id="app"></div>
          <script src="{{HtmlEncoder.Default.Encode(self + "?asset=" + ScriptAsset)}}"></script>
          <script>
            Scalar.createApiReference('#app', {
              url: {{JsonSerializer.Serialize(document)}},
              withDefaultFonts: false,
              telemetry: false,
              agent: { disabled: true },
              showDeveloperTools: 'never',
            });
          </script>
        </body>
        </html>
        """;

    /// <summary>The Scalar bundle, gzipped when the client accepts it; revalidated by ETag.</summary>
    public IResult Script(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var gzip = request.Headers.AcceptEncoding.Any(e => e?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true);
        var headers = request.HttpContext.Response.Headers;
        headers.Vary = "Accept-Encoding";
        headers.CacheControl = "no-cache";
        if (gzip)
        {
            headers.ContentEncoding = "gzip";
        }

        return TypedResults.Bytes(gzip ? _gzipped.Value : _plain.Value, "text/javascript; charset=utf-8", entityTag: gzip ? _gzippedTag : _plainTag);
    }
}
