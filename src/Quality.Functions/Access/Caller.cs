using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Quality.Functions.Access;

/// <summary>The caller <see cref="ApiAccess"/> let through, as the audit log names it.</summary>
internal sealed record Caller(string Name, string Id)
{
    public static Caller Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = request.HttpContext.User;
        return new Caller(user.FindFirstValue(ClaimTypes.Name) ?? "unknown", user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
    }
}
