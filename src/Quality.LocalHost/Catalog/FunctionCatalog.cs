using System.Globalization;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Quality.LocalHost.Catalog;

/// <summary>
/// Every <c>[Function]</c> of an assembly, found as the Worker SDK's generator finds them, with each binding described
/// as <c>functions.metadata</c> describes it. The dev host registers exactly this list, and a contract test holds it to
/// the metadata the SDK generates at build.
/// </summary>
internal sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<FunctionDescriptor> functions) => Functions = functions;

    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    public IEnumerable<FunctionDescriptor> OfKind(TriggerKind kind) => Functions.Where(f => f.Kind == kind);

    public static FunctionCatalog Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var functions = assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .Select(Describe)
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two functions are named '{duplicate.Key}'; function names are unique in an app.");
        }

        return new FunctionCatalog(functions);
    }

    private static FunctionDescriptor Describe(MethodInfo method)
    {
        var name = method.GetCustomAttribute<FunctionAttribute>()!.Name;
        var bindings = new List<FunctionBinding>();
        (TriggerKind Kind, ParameterInfo Parameter)? trigger = null;
        foreach (var parameter in method.GetParameters())
        {
            if (Binding(parameter) is not { } binding)
            {
                continue;
            }

            bindings.Add(binding.Binding);
            if (binding.Trigger is { } kind)
            {
                trigger = trigger is null
                    ? (kind, parameter)
                    : throw new InvalidOperationException($"Function {name} has two triggers.");
            }
        }

        if (trigger is not { } found)
        {
            throw new InvalidOperationException($"Function {name} ({method.DeclaringType?.Name}.{method.Name}) has no trigger the dev host can run.");
        }

        return new FunctionDescriptor(name, method, found.Kind, found.Parameter, bindings);
    }

    /// <summary>The binding a parameter declares, in functions.metadata's terms; null for a plain parameter.</summary>
    private static (FunctionBinding Binding, TriggerKind? Trigger)? Binding(ParameterInfo parameter)
    {
        var name = parameter.Name!;
        foreach (var attribute in parameter.GetCustomAttributes())
        {
            switch (attribute)
            {
                case HttpTriggerAttribute http:
                    return (new FunctionBinding(name, "httpTrigger", Properties(
                        ("authLevel", http.AuthLevel.ToString()),
                        ("methods", string.Join(",", (http.Methods ?? []).Select(m => m.ToLowerInvariant()))),
                        ("route", http.Route ?? ""))), TriggerKind.Http);
                case BlobTriggerAttribute blob:
                    return (new FunctionBinding(name, "blobTrigger", Properties(
                        ("path", blob.BlobPath),
                        ("source", blob.Source.ToString()),
                        ("connection", blob.Connection ?? ""))), TriggerKind.Blob);
                case TimerTriggerAttribute timer:
                    return (new FunctionBinding(name, "timerTrigger", Properties(
                        ("schedule", timer.Schedule),
                        ("runOnStartup", timer.RunOnStartup.ToString(CultureInfo.InvariantCulture)))), TriggerKind.Timer);
                case OrchestrationTriggerAttribute:
                    return (new FunctionBinding(name, "orchestrationTrigger", Properties()), TriggerKind.Orchestration);
                case ActivityTriggerAttribute:
                    return (new FunctionBinding(name, "activityTrigger", Properties()), TriggerKind.Activity);
                case DurableClientAttribute:
                    return (new FunctionBinding(name, "durableClient", Properties()), null);
                case Microsoft.Azure.Functions.Worker.Extensions.Abstractions.BindingAttribute other:
                    throw new InvalidOperationException(
                        $"Parameter {name} of {parameter.Member.Name} has a {other.GetType().Name} binding, which the dev host does not emulate.");
            }
        }

        return null;
    }

    private static Dictionary<string, string> Properties(params (string Key, string Value)[] properties) =>
        properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
