using Microsoft.AspNetCore.Http;
using Quality.Functions.Access;
using Quality.Pipeline.AuditLog;
using Quality.Pipeline.Storage;

namespace Quality.Functions.AuditLog;

/// <summary>Records a change a caller made through the API in the audit log: the caller <see cref="ApiAccess"/> let through, now.</summary>
internal sealed class Changes(TableAuditLogStore log, TimeProvider time)
{
    public async Task RecordAsync(HttpRequest request, string action, string? pipeline, string target, string? details, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(request);
        await log.RecordAsync(new AuditLogEntry(time.GetUtcNow(), caller.Name, caller.Id, action, pipeline, target, details), cancellationToken);
    }
}
