using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Quality.LocalHost.Catalog;

namespace Quality.LocalHost.Invocation;

/// <summary>
/// Calls a function's own method the way the isolated worker does: an instance of its class created from DI in a
/// scope of its own (static methods need none), the trigger value in the trigger parameter, the Durable client in a
/// <c>[DurableClient]</c> parameter, the cancellation token, and other parameters from the trigger's binding data
/// (route values, path tokens) or, for an orchestrator, its input. Parameters it cannot bind stop the host at start.
/// </summary>
internal sealed class FunctionInvoker(IServiceProvider services, DurableTaskClient durableClient)
{
    public static void Validate(FunctionDescriptor function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var inputs = 0;
        foreach (var parameter in function.Method.GetParameters())
        {
            var bindable = function.IsTrigger(parameter)
                || parameter.ParameterType == typeof(CancellationToken)
                || parameter.GetCustomAttribute<DurableClientAttribute>() is not null
                || (function.Kind is TriggerKind.Http or TriggerKind.Blob && parameter.ParameterType == typeof(string))
                || (function.Kind == TriggerKind.Orchestration && inputs++ == 0);
            if (!bindable)
            {
                throw new InvalidOperationException(
                    $"Function {function.Name}: the dev host cannot bind parameter '{parameter.Name}' ({parameter.ParameterType.Name}).");
            }
        }
    }

    /// <summary>An orchestrator's input parameter: its first parameter that is not a binding (as the Durable worker extension decides).</summary>
    public static ParameterInfo? OrchestrationInput(FunctionDescriptor function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return function.Method.GetParameters()
            .FirstOrDefault(p => !function.IsTrigger(p) && p.ParameterType != typeof(CancellationToken)
                && p.GetCustomAttribute<DurableClientAttribute>() is null);
    }

    /// <returns>What the method returned, awaited; null for a method that returns nothing.</returns>
    public async Task<object?> InvokeAsync(
        FunctionDescriptor function, object? trigger, IReadOnlyDictionary<string, object?> bindingData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(bindingData);
        var method = function.Method;
        // Static methods (orchestrators) get no scope: nothing in an orchestrator may await anything but the context.
        await using var scope = method.IsStatic ? null : (AsyncServiceScope?)services.CreateAsyncScope();
        var instance = scope is { } s ? ActivatorUtilities.CreateInstance(s.ServiceProvider, method.DeclaringType!) : null;
        var arguments = method.GetParameters().Select(p =>
            function.IsTrigger(p) ? trigger
            : p.ParameterType == typeof(CancellationToken) ? cancellationToken
            : p.GetCustomAttribute<DurableClientAttribute>() is not null ? durableClient
            : bindingData.GetValueOrDefault(p.Name!)).ToArray();
        try
        {
            var returned = method.Invoke(instance, arguments);
            if (returned is not Task task)
            {
                return returned;
            }

            await task;
            return method.ReturnType.IsGenericType ? method.ReturnType.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
        finally
        {
            (instance as IDisposable)?.Dispose();
        }
    }
}
