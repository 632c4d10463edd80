using Azure;
using Microsoft.Extensions.Options;
using Quality.Pipeline.Local;
using Quality.Pipeline.Messages;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Local;

/// <summary>
/// Runs the queue pump for every queue-triggered function while the process lives. Idle polling backs off
/// exponentially up to the host's maxPollingInterval; an enqueue from this process wakes the pump at once.
/// </summary>
internal sealed partial class LocalQueuePumps(
    QueuePump pump,
    StorageNames names,
    LocalQueueSignal signal,
    IOptions<LocalDriverOptions> options,
    ILogger<LocalQueuePumps> logger) : BackgroundService
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(50);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enum.GetValues<PipelineFunction>().Select(f => PumpAsync(f, stoppingToken)));

    private async Task PumpAsync(PipelineFunction function, CancellationToken stoppingToken)
    {
        var queue = MessageDispatcher.QueueOf(function, names);
        var delay = MinPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await pump.PumpOnceAsync(function, stoppingToken) > 0)
                {
                    delay = MinPollingInterval;
                    continue;
                }

                await signal.WaitAsync(queue, delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.MaxPollingInterval.Ticks));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (RequestFailedException ex)
            {
                LogPumpError(logger, ex, queue);
                await Task.Delay(options.Value.MaxPollingInterval, stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Queue pump for {Queue} hit a storage error")]
    private static partial void LogPumpError(ILogger logger, Exception exception, string queue);
}
