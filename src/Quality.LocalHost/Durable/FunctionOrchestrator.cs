using Microsoft.DurableTask;
using Quality.LocalHost.Catalog;
using Quality.LocalHost.Invocation;

namespace Quality.LocalHost.Durable;

/// <summary>
/// An orchestrator function as the Durable Task engine sees it. The input type is the method's input parameter's, so
/// the engine deserialises the input as that type before the method reads it (a null input otherwise).
/// </summary>
internal sealed class FunctionOrchestrator(FunctionDescriptor function, FunctionInvoker invoker) : ITaskOrchestrator
{
    public Type InputType { get; } = FunctionInvoker.OrchestrationInputType(function) ?? typeof(object);

    public Type OutputType => typeof(object);

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var bindingData = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (FunctionInvoker.OrchestrationInputType(function) is not null)
        {
            var parameter = function.Method.GetParameters().First(p => p.ParameterType == InputType && p != function.Trigger);
            bindingData[parameter.Name!] = input;
        }

        return invoker.InvokeAsync(function, context, bindingData, CancellationToken.None);
    }
}
