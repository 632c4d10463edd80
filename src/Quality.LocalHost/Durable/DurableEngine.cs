using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Options;
using Quality.LocalHost.Catalog;
using Quality.LocalHost.Invocation;
using Quality.Pipeline;
using Quality.Pipeline.Storage;

namespace Quality.LocalHost.Durable;

/// <summary>
/// The Durable Task engine the Functions host runs in Azure — DTFx's <see cref="TaskHubWorker"/> over its Azure Storage
/// provider, so the task hub has the same queues, tables and blobs — with the app's orchestrator and activity functions
/// registered by their function names through durabletask-dotnet's shims (the same context types the worker gets).
/// </summary>
internal sealed partial class DurableEngine : IHostedService, IDisposable
{
    private readonly FunctionCatalog _catalog;
    private readonly IServiceProvider _services;
    private readonly ILogger<DurableEngine> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly bool _processes;
    private TaskHubWorker? _worker;

    public DurableEngine(
        FunctionCatalog catalog,
        IServiceProvider services,
        IOptions<DurableHostOptions> options,
        IOptions<StorageOptions> storage,
        IOptions<PipelineOptions> pipeline,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(pipeline);
        _catalog = catalog;
        _services = services;
        _logger = loggerFactory.CreateLogger<DurableEngine>();
        var o = options.Value;
        HubName = storage.Value.Prefix + o.HubName;
        _processes = o.Worker;
        Service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(storage.Value.ConnectionString),
            TaskHubName = HubName,
            WorkerId = pipeline.Value.HostId,
            PartitionCount = o.PartitionCount,
            MaxQueuePollingInterval = o.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = o.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = o.WorkItemQueueVisibilityTimeout,
            LeaseInterval = o.LeaseInterval,
            LeaseRenewInterval = o.LeaseRenewInterval,
            LeaseAcquireInterval = o.LeaseAcquireInterval,
            PartitionTableOperationTimeout = o.PartitionTableOperationTimeout,
            MaxConcurrentTaskActivityWorkItems = o.MaxConcurrentActivityFunctions,
            MaxConcurrentTaskOrchestrationWorkItems = o.MaxConcurrentOrchestratorFunctions,
            LoggerFactory = loggerFactory,
        });
    }

    public string HubName { get; }

    public AzureStorageOrchestrationService Service { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Service.CreateIfNotExistsAsync();
        if (!_processes)
        {
            LogClientOnly(_logger, HubName);
            return;
        }

        var invoker = _services.GetRequiredService<FunctionInvoker>();
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), _services.GetRequiredService<ILoggerFactory>());
        _worker = new TaskHubWorker(Service, _services.GetRequiredService<ILoggerFactory>())
        {
            // Failures travel as FailureDetails, as the Functions host's extension runs isolated workers: the shims read
            // them to raise TaskFailedException for a failed activity or sub-orchestration, with its inner failure.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        var (orchestrators, activities) = (0, 0);
        foreach (var function in _catalog.OfKind(TriggerKind.Orchestration))
        {
            orchestrators++;
            var orchestrator = new FunctionOrchestrator(function, invoker);
            _worker.AddTaskOrchestrations(new FactoryObjectCreator<TaskOrchestration>(function.Name, () => shims.CreateOrchestration(function.Name, orchestrator)));
        }

        foreach (var function in _catalog.OfKind(TriggerKind.Activity))
        {
            activities++;
            var activity = new FunctionActivity(function, invoker, _stopping.Token);
            _worker.AddTaskActivities(new FactoryObjectCreator<TaskActivity>(function.Name, () => shims.CreateActivity(function.Name, activity)));
        }

        await _worker.StartAsync();
        LogStarted(_logger, HubName, orchestrators, activities);
    }

    /// <summary>
    /// Stops at once: what was in flight is redelivered (activities are at-least-once, orchestrations replay). The worker
    /// releases its partition leases on the way, which retries for as long as storage does not answer; so the host's
    /// shutdown timeout bounds it, and a worker that has not stopped by then leaves its leases to expire.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Once: a host can be stopped twice (Ctrl-C, then disposal), and a stopped worker cannot stop again.
        if (Interlocked.Exchange(ref _worker, null) is { } worker)
        {
            await _stopping.CancelAsync();
            try
            {
                await worker.StopAsync(isForced: true).WaitAsync(cancellationToken);
                worker.Dispose();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                LogStopAbandoned(_logger, HubName);
            }
        }
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _worker, null)?.Dispose();
        _stopping.Dispose();
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Task hub {HubName}: this host processes no orchestrations or activities (Durable:Worker is false)")]
    private static partial void LogClientOnly(ILogger logger, string hubName);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Task hub {HubName}: the worker did not stop within the host's shutdown timeout (is storage still there?); its partition leases expire by themselves")]
    private static partial void LogStopAbandoned(ILogger logger, string hubName);

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Task hub {HubName}: {Orchestrators} orchestrators and {Activities} activities registered")]
    private static partial void LogStarted(ILogger logger, string hubName, int orchestrators, int activities);
}
