using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Quality.Domain.Formats.Canonical;
using Quality.Functions.Http;
using Quality.Pipeline.Storage;

namespace Quality.Functions.AuditLog;

/// <summary><c>GET /api/audit-log?pipeline=&amp;top=&amp;continuationToken=</c>: who changed what through the API, newest first.</summary>
internal sealed class AuditLogFunctions(TableAuditLogStore log)
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 1000;

    [Function("ListAuditLog")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "audit-log")] HttpRequest request, CancellationToken cancellationToken)
    {
        var pipeline = Query.String(request, "pipeline");
        if (pipeline is not null && !CanonicalFormat.IsSafeName(pipeline))
        {
            return Problems.BadRequest("pipeline", $"'{pipeline}' is not a pipeline name (letters, digits, '.', '_', '-'; up to 63).");
        }

        if (!Query.TryInt(request, "top", out var top) || (top ?? DefaultPageSize) is < 1 or > MaxPageSize)
        {
            return Problems.BadRequest("top", $"must be a whole number between 1 and {MaxPageSize}.");
        }

        return TypedResults.Ok(await log.ListAsync(pipeline, top ?? DefaultPageSize, Query.String(request, "continuationToken"), cancellationToken));
    }
}
