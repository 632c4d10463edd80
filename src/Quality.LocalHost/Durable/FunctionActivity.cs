using Microsoft.DurableTask;
using Quality.LocalHost.Catalog;
using Quality.LocalHost.Invocation;

namespace Quality.LocalHost.Durable;

/// <summary>An activity function as the Durable Task engine sees it: its input is the trigger parameter's type.</summary>
internal sealed class FunctionActivity(FunctionDescriptor function, FunctionInvoker invoker, CancellationToken stopping) : ITaskActivity
{
    public Type InputType => function.Trigger.ParameterType;

    public Type OutputType => typeof(object);

    public Task<object?> RunAsync(TaskActivityContext context, object? input) =>
        invoker.InvokeAsync(function, input, new Dictionary<string, object?>(), stopping);
}
