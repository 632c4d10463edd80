using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Quality.Functions.Http;

/// <summary>A small JSON request body (a status change, an inspection decision): web defaults, whatever its content type says.</summary>
internal static class JsonBody
{
    /// <returns>The body, or null when it is empty or not JSON of that shape.</returns>
    public static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
