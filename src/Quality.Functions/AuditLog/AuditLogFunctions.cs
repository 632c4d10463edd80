using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Quality.Functions.Http;
using Quality.Pipeline.Storage;

namespace Quality.Functions.AuditLog;

/// <summary><c>GET /api/audit-log?pipeline=&amp;top=&amp;continuationToken=</c>: who changed what through the API, newest first.</summary>
internal sealed class AuditLogFunctions(TableAuditLogStore log)
{
    [Function("ListAuditLog")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/audit-log")] HttpRequest request, CancellationToken cancellationToken) =>
        PageQuery.AnswerAsync(request, query => log.ListAsync(query.Pipeline, query.Top, query.ContinuationToken, cancellationToken));
}
