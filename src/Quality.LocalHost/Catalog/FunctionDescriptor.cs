using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Quality.LocalHost.Catalog;

/// <summary>A <c>[Function]</c> method of the app: its name, its trigger and its bindings, read from its attributes.</summary>
internal sealed record FunctionDescriptor(string Name, MethodInfo Method, TriggerKind Kind, ParameterInfo Trigger, IReadOnlyList<FunctionBinding> Bindings)
{
    /// <summary>By position: reflection may hand out different ParameterInfo objects for the same parameter.</summary>
    public bool IsTrigger(ParameterInfo parameter) => parameter?.Position == Trigger.Position;

    public HttpTriggerAttribute HttpTrigger => Attribute<HttpTriggerAttribute>();

    public BlobTriggerAttribute BlobTrigger => Attribute<BlobTriggerAttribute>();

    public TimerTriggerAttribute TimerTrigger => Attribute<TimerTriggerAttribute>();

    private T Attribute<T>() where T : System.Attribute =>
        Trigger.GetCustomAttribute<T>() ?? throw new InvalidOperationException($"{Name} has no {typeof(T).Name}.");
}
