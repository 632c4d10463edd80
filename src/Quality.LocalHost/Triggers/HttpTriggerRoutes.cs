using Quality.Functions.Access;
using Quality.Functions.Http;
using Quality.LocalHost.Catalog;
using Quality.LocalHost.Invocation;

namespace Quality.LocalHost.Triggers;

/// <summary>
/// Every HTTP-triggered function on its own route, as the Functions host routes it: <c>/{routePrefix}/{route}</c> (the
/// function's name when it has no route), for its methods. The function gets the ASP.NET Core request and the route
/// values; its <see cref="IResult"/> writes the response, as the worker's ASP.NET Core integration executes it. First
/// <see cref="ApiAccess"/> decides whether the caller may call it, as the app's worker middleware does in Azure.
/// A function that throws answers <see cref="HttpFailures"/>' problem, as the app's failure middleware makes it in Azure.
/// Function keys are not checked, as under Core Tools locally.
/// </summary>
internal static class HttpTriggerRoutes
{
    public static WebApplication MapHttpFunctions(this WebApplication app, string routePrefix)
    {
        ArgumentNullException.ThrowIfNull(app);
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        foreach (var function in catalog.OfKind(TriggerKind.Http))
        {
            var trigger = function.HttpTrigger;
            var route = "/" + string.Join('/', new[] { routePrefix, trigger.Route ?? function.Name }.Where(p => p.Length > 0));
            var methods = (trigger.Methods is { Length: > 0 } m ? m : ["get", "post", "put", "delete", "patch", "head", "options"])
                .Select(method => method.ToUpperInvariant()).ToArray();
            app.MapMethods(route, methods, (HttpContext context, FunctionInvoker invoker, ApiAccess access, HttpFailures failures) =>
                    InvokeAsync(function, context, invoker, access, failures))
                .WithName(function.Name);
        }

        return app;
    }

    private static async Task InvokeAsync(FunctionDescriptor function, HttpContext context, FunctionInvoker invoker, ApiAccess access, HttpFailures failures)
    {
        if (access.Refusal(function.Name, context) is { } refusal)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        IResult answer;
        try
        {
            answer = await InvokeAsync(function, context, invoker);
        }
        catch (Exception ex)
        {
            answer = failures.Answer(function.Name, context, ex);
        }

        await answer.ExecuteAsync(context);
    }

    private static async Task<IResult> InvokeAsync(FunctionDescriptor function, HttpContext context, FunctionInvoker invoker)
    {
        var bindingData = context.Request.RouteValues.ToDictionary(v => v.Key, v => (object?)v.Value?.ToString(), StringComparer.OrdinalIgnoreCase);
        var result = await invoker.InvokeAsync(function, context.Request, bindingData, context.RequestAborted);
        return result as IResult
            ?? throw new InvalidOperationException($"Function {function.Name} returned {result?.GetType().Name ?? "nothing"}; HTTP functions here answer an IResult.");
    }
}
