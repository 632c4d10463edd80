using System.Reflection;
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
    private readonly ParameterInfo? _input = FunctionInvoker.OrchestrationInput(function);

    public Type InputType => _input?.ParameterType ?? typeof(object);

    public Type OutputType => typeof(object);

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
        invoker.InvokeAsync(function, context,
            _input is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { [_input.Name!] = input },
            CancellationToken.None);
}
