using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quality.Pipeline.Activities;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Messages;

/// <summary>
/// Runs one queue message through its function, whoever delivered it (the Functions host or a local pump).
/// On the last allowed attempt a failure first fails the message's run with the reason, then propagates so the
/// message goes to the poison queue: nothing is dropped silently, and the user sees why over HTTP.
/// </summary>
public sealed partial class MessageDispatcher(
    BatchArrival arrival,
    Ingest ingest,
    Compute compute,
    Finalize finalize,
    RunLedger ledger,
    IOptions<PipelineOptions> options,
    ILogger<MessageDispatcher> logger)
{
    public int MaxDequeueCount => options.Value.MaxDequeueCount;

    public static string QueueOf(PipelineFunction function, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return function switch
        {
            PipelineFunction.OnBatchArrived => names.BatchArrivals,
            PipelineFunction.Ingest => names.Ingest,
            PipelineFunction.Compute => names.Compute,
            PipelineFunction.Finalize => names.Finalize,
            _ => throw new ArgumentOutOfRangeException(nameof(function)),
        };
    }

    public async Task HandleAsync(PipelineFunction function, string body, long dequeueCount, CancellationToken cancellationToken)
    {
        string? runId = null;
        try
        {
            switch (function)
            {
                case PipelineFunction.OnBatchArrived:
                    await arrival.HandleAsync(PipelineJson.Deserialize<BlobCreatedEvent>(body), cancellationToken);
                    break;
                case PipelineFunction.Ingest:
                    var toIngest = PipelineJson.Deserialize<RunMessage>(body);
                    runId = toIngest.RunId;
                    await ingest.HandleAsync(toIngest, cancellationToken);
                    break;
                case PipelineFunction.Compute:
                    var toCompute = PipelineJson.Deserialize<ComputeMessage>(body);
                    runId = toCompute.RunId;
                    await compute.HandleAsync(toCompute, cancellationToken);
                    break;
                case PipelineFunction.Finalize:
                    var toFinalize = PipelineJson.Deserialize<RunMessage>(body);
                    runId = toFinalize.RunId;
                    await finalize.HandleAsync(toFinalize, cancellationToken);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(function));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogAttemptFailed(logger, ex, function, dequeueCount, MaxDequeueCount);
            if (dequeueCount >= MaxDequeueCount && runId is not null && RunIds.IsValid(runId))
            {
                await ledger.FailAsync(runId,
                    $"{function} failed on all {dequeueCount} attempts; last error: {ex.GetType().Name}: {ex.Message}",
                    CancellationToken.None);
            }

            throw;
        }
    }

    [LoggerMessage(EventId = 1700, Level = LogLevel.Warning, Message = "{Function} attempt {Attempt} of {Max} failed")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, PipelineFunction function, long attempt, int max);
}
