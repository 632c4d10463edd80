using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Quality.Functions.Http;

/// <summary>
/// What an HTTP function that threw answers: never the exception's text or stack (they may name internals), but a
/// problem. A body over a limit is the caller's 413; any other fault is logged whole under a correlation id — the
/// request's W3C trace id, which Application Insights shows as the operation id — and answered as a 500 naming only the
/// id. Used by the worker middleware in Azure and by the dev host around each invocation.
/// </summary>
internal sealed partial class HttpFailures(ILogger<HttpFailures> logger)
{
    public IResult Answer(string function, HttpContext context, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (exception)
        {
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                return Problems.TooLarge("The body", ServerLimit(context), context.Request.ContentLength);
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                // The caller went away; there is no one to answer.
                return Results.Empty;
        }

        var correlationId = CorrelationId(context);
        LogFailed(logger, exception, function, correlationId);
        return Problems.Internal(correlationId);
    }

    public static string CorrelationId(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Activity.Current is { } activity ? activity.TraceId.ToHexString() : context.TraceIdentifier;
    }

    private static long ServerLimit(HttpContext context) =>
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? RequestBody.MaxDeliveryBytes;

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "HTTP function {Function} failed; answered 500 with correlation id {CorrelationId}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function, string correlationId);
}
