using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Quality.Functions.Access;

/// <summary>
/// In the Functions worker, every HTTP function goes through <see cref="ApiAccess"/> first; a refused call answers its
/// problem as the function's result, which the ASP.NET Core integration writes. (The dev host calls the same decision.)
/// </summary>
internal sealed class AccessMiddleware(ApiAccess access) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http && access.Refusal(context.FunctionDefinition.Name, http) is { } refusal)
        {
            context.GetInvocationResult().Value = refusal;
            return;
        }

        await next(context);
    }
}
