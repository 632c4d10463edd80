using System.Text;
using System.Text.Json;

namespace Quality.Functions.Access;

/// <summary>
/// The caller as App Service Authentication passes it to the app: the <c>X-MS-CLIENT-PRINCIPAL</c> header, base64 of
/// <c>{auth_typ, name_typ, role_typ, claims: [{typ, val}]}</c>. The name is the <c>name_typ</c> claim (else
/// <c>name</c> or <c>preferred_username</c>), the id the object id, the roles the <c>role_typ</c> claims.
/// </summary>
internal sealed record ClientPrincipal(string Name, string Id, IReadOnlyList<string> Roles)
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    /// <returns>The principal, or null when the header is absent or not a principal (which then counts as no principal).</returns>
    public static ClientPrincipal? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var root = document.RootElement;
            var claims = root.TryGetProperty("claims", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray()
                    .Where(c => c.TryGetProperty("typ", out _) && c.TryGetProperty("val", out _))
                    .Select(c => (Type: c.GetProperty("typ").GetString() ?? "", Value: c.GetProperty("val").GetString() ?? ""))
                    .ToList()
                : [];
            var nameType = Text(root, "name_typ") ?? "name";
            var roleType = Text(root, "role_typ") ?? "roles";
            string? Claim(params string[] types) => types.Select(t => claims.FirstOrDefault(c => c.Type == t).Value).FirstOrDefault(v => !string.IsNullOrEmpty(v));
            var id = Claim(ObjectIdClaim, "oid", "sub") ?? "";
            var name = Claim(nameType, "name", "preferred_username") ?? id;
            return new ClientPrincipal(name, id, [.. claims.Where(c => c.Type == roleType).Select(c => c.Value)]);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
