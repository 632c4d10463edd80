using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Quality.Functions.Http;

/// <summary>
/// Request bodies, read up to a limit that the answer states: a larger body is refused (413) before it is held, whether
/// it says its length up front or streams in chunks. Each limit sits well under the 30 MB a Kestrel server accepts by
/// default, so the app's own 413, which says how to deliver more, answers before the server's bare one can.
/// </summary>
internal static class RequestBody
{
    /// <summary>A delivery over HTTP; larger ones go straight to blob storage through <c>POST /api/deliveries/uploads</c>.</summary>
    public const long MaxDeliveryBytes = 25L * 1024 * 1024;

    /// <summary>A YAML document (a taxonomy, a standard).</summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    /// <summary>A JSON command (a status change, an inspection decision, an upload request).</summary>
    public const int MaxCommandBytes = 64 * 1024;

    /// <returns>The 413 to answer when the body says it is longer than <paramref name="limit"/>; otherwise null.</returns>
    public static IResult? DeclaredTooLarge(HttpRequest request, long limit, string what)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ContentLength > limit ? Problems.TooLarge(what, limit, request.ContentLength) : null;
    }

    /// <summary>
    /// Makes the server refuse the body once more than <paramref name="limit"/> bytes arrive, for a body that streams in
    /// chunks and so says no length up front: reading it then throws a <see cref="BadHttpRequestException"/> with status
    /// 413, which the caller answers (or <see cref="HttpFailures"/> does). Kestrel, which serves the worker's ASP.NET Core
    /// integration as it does the dev host, allows this until the body is first read.
    /// </summary>
    public static void Limit(HttpRequest request, long limit)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
    }

    /// <summary>The body as UTF-8 text, or the problem to answer (413 over the limit).</summary>
    public static async Task<Read<string>> TextAsync(HttpRequest request, int limit, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (DeclaredTooLarge(request, limit, what) is { } tooLarge)
        {
            return new(null, tooLarge);
        }

        var body = new byte[limit + 1];
        var length = 0;
        int read;
        while (length < body.Length && (read = await request.Body.ReadAsync(body.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length > limit
            ? new(null, Problems.TooLarge(what, limit, null))
            : new(Encoding.UTF8.GetString(body, 0, length), null);
    }

    /// <summary>
    /// A small JSON body (web defaults, whatever its content type says), or the problem to answer: 413 over the limit, 400
    /// naming the line, position and JSON path where it stops being JSON of that shape.
    /// </summary>
    public static async Task<Read<T>> JsonAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        var text = await TextAsync(request, MaxCommandBytes, "A JSON body", cancellationToken);
        if (text.Problem is not null)
        {
            return new(null, text.Problem);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text.Value!, JsonSerializerOptions.Web) is { } value
                ? new(value, null)
                : new(null, Problems.BadRequest("body", "the body is JSON null; it should be an object."));
        }
        catch (JsonException ex)
        {
            return new(null, Problems.MalformedJson(ex));
        }
    }

    /// <summary>What was read, or the problem to answer instead.</summary>
    internal readonly record struct Read<T>(T? Value, IResult? Problem) where T : class;
}
