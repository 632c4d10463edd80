using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Quality.Functions.Http;

/// <summary>Query-string parameters as the functions read them: the first value, and numbers parsed invariantly.</summary>
internal static class Query
{
    public static string? String(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;
    }

    /// <returns>False when the parameter is given but not a whole number; <paramref name="value"/> is null when absent or empty.</returns>
    public static bool TryInt(HttpRequest request, string name, out int? value)
    {
        value = null;
        if (String(request, name) is not { Length: > 0 } text)
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }
}
