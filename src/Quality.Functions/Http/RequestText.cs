using Microsoft.AspNetCore.Http;
using System.Text;

namespace Quality.Functions.Http;

/// <summary>A request body read as UTF-8 text up to a limit: documents (taxonomies, standards) are small, and a larger body is refused before it is held.</summary>
internal static class RequestText
{
    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new byte[maxBytes + 1];
        var length = 0;
        int read;
        while (length < body.Length && (read = await request.Body.ReadAsync(body.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length > maxBytes ? null : Encoding.UTF8.GetString(body, 0, length);
    }
}
