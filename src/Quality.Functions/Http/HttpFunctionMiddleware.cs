using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Quality.Functions.Access;

namespace Quality.Functions.Http;

/// <summary>
/// In the Functions worker, every HTTP function passes here: <see cref="ApiAccess"/> decides whether the caller may call
/// it, and a function that throws answers <see cref="HttpFailures"/>' problem instead of the host's bare 500. Either
/// answer becomes the function's result, which the ASP.NET Core integration writes. (The dev host does the same around
/// each invocation.)
/// </summary>
internal sealed class HttpFunctionMiddleware(ApiAccess access, HttpFailures failures) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        if (access.Refusal(context.FunctionDefinition.Name, http) is { } refusal)
        {
            context.GetInvocationResult().Value = refusal;
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            context.GetInvocationResult().Value = failures.Answer(context.FunctionDefinition.Name, http, ex);
        }
    }
}
