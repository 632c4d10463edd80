using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;

namespace Quality.Functions.OpenApi;

/// <summary>
/// An HTTP-triggered function as its attributes declare it: its name, methods, route, and its area
/// (the folder of its class), which tags it in the API's description.
/// </summary>
internal sealed partial record HttpFunction(string Name, IReadOnlyList<string> Methods, string Route, string Area)
{
    /// <summary>Every <c>[Function]</c> of <paramref name="assembly"/> with an <c>[HttpTrigger]</c>, by route.</summary>
    public static IReadOnlyList<HttpFunction> In(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return [.. assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>(),
                Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(f => f.Function is not null && f.Trigger is not null)
            .Select(f => Describe(f.Function!.Name, f.Trigger!, f.Method.DeclaringType!))
            .OrderBy(f => f.Route, StringComparer.Ordinal)
            .ThenBy(f => f.Name, StringComparer.Ordinal)];
    }

    private static HttpFunction Describe(string name, HttpTriggerAttribute trigger, Type declaringType) =>
        trigger.Methods is not { Length: > 0 } methods
            ? throw new InvalidOperationException($"{name} accepts every HTTP method; name its methods so its route can be described.")
            : new(name, [.. methods.Select(m => m.ToLowerInvariant())], Path(trigger.Route ?? name), declaringType.Namespace!.Split('.')[^1]);

    /// <summary>The route as a path: one that only the empty path fills (an optional segment of length 0) is the site's root.</summary>
    private static string Path(string route) => RootOnly().IsMatch(route) ? "" : route;

    [GeneratedRegex(@"^\{\w+:maxlength\(0\)\?\}$", RegexOptions.CultureInvariant)]
    private static partial Regex RootOnly();
}
