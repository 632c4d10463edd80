using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace Quality.Functions.CustomHandler;

/// <summary>
/// <c>POST /Api</c>: the HTTP trigger's envelope form, for a host that does not forward the request as-is. Replays the
/// request described in <c>Data.req</c> through this app's own pipeline and answers with the <c>res</c> output binding
/// (statusCode, status, body, headers: all four, as newer hosts require).
/// </summary>
internal sealed class ApiInvocation
{
    /// <summary>The app's request pipeline, captured at start-up so a replayed request is served like any other.</summary>
    public RequestDelegate? Pipeline { get; set; }

    public static async Task<IResult> InvokeAsync(InvocationRequest invocation, HttpContext outer, ApiInvocation api)
    {
        var pipeline = api.Pipeline;
        if (pipeline is null || !invocation.Data.TryGetValue("req", out var req) || req.ValueKind != JsonValueKind.Object)
        {
            return Results.Json(new InvocationResponse { Logs = ["Api expects Data.req, the HTTP request"] }, statusCode: 400);
        }

        var url = new Uri(req.GetProperty("Url").GetString() ?? "/", UriKind.RelativeOrAbsolute);
        var path = url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString.Split('?')[0];
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Json(new InvocationResponse { Logs = [$"Api serves /api/ paths only, not {path}"] }, statusCode: 400);
        }

        var context = new DefaultHttpContext { RequestServices = outer.RequestServices };
        context.Request.Method = req.TryGetProperty("Method", out var method) ? method.GetString() ?? "GET" : "GET";
        context.Request.Path = path;
        context.Request.QueryString = url.IsAbsoluteUri ? new QueryString(url.Query) : QueryString.Empty;
        if (req.TryGetProperty("Headers", out var headers) && headers.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in headers.EnumerateObject())
            {
                context.Request.Headers[header.Name] = header.Value.ValueKind == JsonValueKind.Array
                    ? new StringValues(header.Value.EnumerateArray().Select(v => v.ToString()).ToArray())
                    : new StringValues(header.Value.ToString());
            }
        }

        var body = req.TryGetProperty("Body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() ?? "" : "";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        using var response = new MemoryStream();
        context.Response.Body = response;
        await pipeline(context);

        var res = new Dictionary<string, object?>
        {
            ["statusCode"] = context.Response.StatusCode,
            ["status"] = context.Response.StatusCode,
            ["body"] = Encoding.UTF8.GetString(response.ToArray()),
            ["headers"] = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()),
        };
        return Results.Json(new InvocationResponse { Outputs = { ["res"] = res } });
    }
}
