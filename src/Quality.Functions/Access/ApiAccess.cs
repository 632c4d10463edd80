using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quality.Functions.Http;

namespace Quality.Functions.Access;

/// <summary>
/// Decides whether a call to an HTTP function may proceed, from the route table and the caller. In Roles mode the caller
/// is App Service Authentication's <c>X-MS-CLIENT-PRINCIPAL</c>, trusted only when the platform says authentication is
/// on (<c>WEBSITE_AUTH_ENABLED</c>): otherwise anyone could send the header, so every request is refused (503). Called by
/// the worker middleware in Azure and by the dev host before it invokes a function; the allowed caller becomes
/// <see cref="HttpContext.User"/>, which the functions name in the audit log.
/// </summary>
internal sealed partial class ApiAccess(IOptions<AccessOptions> options, ILogger<ApiAccess> logger)
{
    /// <summary>Who every caller is in Open mode.</summary>
    public static readonly ClaimsPrincipal LocalAdmin = Principal(new ClientPrincipal("local admin", "local", [QualityRoles.Name(QualityRole.Admin)]));

    /// <returns>Null when the call may proceed; otherwise the problem to answer with (401, 403 or 503).</returns>
    public IResult? Refusal(string function, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!ApiRoutes.ByFunction.TryGetValue(function, out var route))
        {
            // A function no one gave a role is open to no one: the route table is the whole list.
            return Problems.Forbidden($"{function} is not in the API's route table.", QualityRole.Admin);
        }

        if (route.Role == QualityRole.Anonymous)
        {
            return null;
        }

        var settings = options.Value;
        if (settings.EffectiveMode == AccessMode.Open)
        {
            context.User = LocalAdmin;
            return null;
        }

        if (!settings.PlatformAuthentication)
        {
            LogPlatformAuthenticationOff(logger, function);
            return Problems.Unavailable(
                "Roles are required but App Service Authentication is off (WEBSITE_AUTH_ENABLED is not True), so no caller can be trusted. Turn authentication on for the app.");
        }

        if (ClientPrincipal.Parse(context.Request.Headers[ClientPrincipal.Header]) is not { } principal)
        {
            return Problems.Unauthorized($"{function} needs a signed-in caller with the role {QualityRoles.Name(route.Role)} or higher.", route.Role);
        }

        var held = QualityRoles.Highest(principal.Roles);
        if (held is null || held < route.Role)
        {
            return Problems.Forbidden(
                $"{function} needs the role {QualityRoles.Name(route.Role)} or higher; {principal.Name} has {(held is { } h ? QualityRoles.Name(h) : "no quality role")}.",
                route.Role);
        }

        context.User = Principal(principal);
        return null;
    }

    private static ClaimsPrincipal Principal(ClientPrincipal principal) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, principal.Name), new Claim(ClaimTypes.NameIdentifier, principal.Id), .. principal.Roles.Select(r => new Claim(ClaimTypes.Role, r))],
        authenticationType: "AppServiceAuthentication", ClaimTypes.Name, ClaimTypes.Role));

    [LoggerMessage(EventId = 3200, Level = LogLevel.Error,
        Message = "Refused {Function}: Auth:Mode is Roles but App Service Authentication is off (WEBSITE_AUTH_ENABLED is not True), so X-MS-CLIENT-PRINCIPAL cannot be trusted")]
    private static partial void LogPlatformAuthenticationOff(ILogger logger, string function);
}
