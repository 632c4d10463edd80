using System.Text;
using System.Text.Json.Nodes;

namespace Quality.Functions.Tests.Access;

/// <summary>X-MS-CLIENT-PRINCIPAL headers shaped as App Service Authentication sends them for Entra ID callers.</summary>
internal static class Principals
{
    public static string Header(string name, string objectId, params string[] roles)
    {
        var claims = new JsonArray(
            new JsonObject { ["typ"] = "name", ["val"] = name },
            new JsonObject { ["typ"] = "http://schemas.microsoft.com/identity/claims/objectidentifier", ["val"] = objectId });
        foreach (var role in roles)
        {
            claims.Add(new JsonObject { ["typ"] = "roles", ["val"] = role });
        }

        var principal = new JsonObject { ["auth_typ"] = "aad", ["name_typ"] = "name", ["role_typ"] = "roles", ["claims"] = claims };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(principal.ToJsonString()));
    }

    /// <summary>Settings for a dev host that reads callers exactly as in Azure with authentication on.</summary>
    public static Dictionary<string, string?> RolesMode() => new()
    {
        ["Auth:Mode"] = "Roles",
        ["WEBSITE_AUTH_ENABLED"] = "True",
    };
}
