using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Quality.Functions.Access;
using Quality.Pipeline.Dashboard;
using Quality.Pipeline.Reports.Html;

namespace Quality.Functions.Dashboard;

/// <summary>
/// The dashboard at the site's root (<c>GET /</c>). host.json's route prefix is empty and every other route starts with
/// <c>api/</c>, so this function can answer the root: its route is an optional parameter that only the empty path
/// fills (the Functions host does not route an empty template; an optional segment it does, before its home page).
/// </summary>
internal sealed class DashboardFunctions(DashboardReader reader)
{
    /// <summary>Matches the site's root only: an optional segment no path can fill (its length must be 0).</summary>
    public const string RootRoute = "{root:maxlength(0)?}";

    [Function("GetDashboard")]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RootRoute)] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var view = await reader.ReadAsync(cancellationToken);
        var user = request.HttpContext.User;
        var role = QualityRoles.Highest(user.FindAll(ClaimTypes.Role).Select(c => c.Value));
        var page = DashboardPage.Render(view, Caller.Of(request).Name, role is { } r ? QualityRoles.Name(r) : "no role", role >= QualityRole.Reviewer);
        return TypedResults.Text(page, "text/html; charset=utf-8");
    }
}
