using System.Diagnostics;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using Quality.Pipeline.Messages;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Local;

/// <summary>
/// Drives the queue-triggered functions locally the way the Functions host does in Azure: receive a batch, keep each
/// message invisible while it runs, delete it on success, make it visible again after a failure, and after the last
/// allowed attempt move it to <c>{queue}-poison</c>. Idle polling backs off exponentially; an enqueue from this
/// process wakes the pump at once. Several processes pumping the same queues are competing consumers.
/// </summary>
internal sealed partial class LocalQueuePumps(
    StorageClients storage,
    MessageDispatcher dispatcher,
    LocalQueueSignal signal,
    IOptions<LocalDriverOptions> options,
    ILogger<LocalQueuePumps> logger) : BackgroundService
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(50);
    private int _processed;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enum.GetValues<PipelineFunction>().Select(f => PumpAsync(f, stoppingToken)));

    private async Task PumpAsync(PipelineFunction function, CancellationToken stoppingToken)
    {
        var name = MessageDispatcher.QueueOf(function, storage.Names);
        var queue = storage.Queue(name);
        var delay = MinPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                QueueMessage[] messages = await queue.ReceiveMessagesAsync(options.Value.BatchSize, options.Value.VisibilityTimeout, stoppingToken);
                if (messages.Length == 0)
                {
                    await signal.WaitAsync(name, delay, stoppingToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.MaxPollingInterval.Ticks));
                    continue;
                }

                delay = MinPollingInterval;
                await Task.WhenAll(messages.Select(m => ProcessAsync(function, queue, m, stoppingToken)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (RequestFailedException ex)
            {
                LogPumpError(logger, ex, name);
                await Task.Delay(options.Value.MaxPollingInterval, stoppingToken);
            }
        }
    }

    private async Task ProcessAsync(PipelineFunction function, QueueClient queue, QueueMessage message, CancellationToken stoppingToken)
    {
        var lease = new MessageLease(queue, message, options.Value.VisibilityTimeout);
        bool succeeded;
        await using (lease.KeepAlive(stoppingToken))
        {
            try
            {
                await dispatcher.HandleAsync(function, message.Body.ToString(), message.DequeueCount, stoppingToken);
                succeeded = true;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // Shutting down: the message reappears when its lease runs out.
            }
            catch (Exception)
            {
                succeeded = false; // The dispatcher logged it (and failed the run on the last attempt).
            }
        }

        if (succeeded && options.Value.KillAfterMessages is { } limit && Interlocked.Increment(ref _processed) >= limit)
        {
            LogKilled(logger, limit);
            Process.GetCurrentProcess().Kill();
        }

        try
        {
            if (succeeded)
            {
                await queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, CancellationToken.None);
            }
            else if (message.DequeueCount >= dispatcher.MaxDequeueCount)
            {
                await storage.Queue(StorageNames.PoisonQueue(queue.Name)).SendMessageAsync(message.Body.ToString(), CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, CancellationToken.None);
                LogPoisoned(logger, queue.Name, message.MessageId, message.DequeueCount);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, lease.PopReceipt, visibilityTimeout: options.Value.RetryDelay, cancellationToken: CancellationToken.None);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The lease was lost (e.g. it expired while we worked) and another consumer has the message: it will run again.
            LogLeaseLost(logger, queue.Name, message.MessageId);
        }
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Queue pump for {Queue} hit a storage error")]
    private static partial void LogPumpError(ILogger logger, Exception exception, string queue);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Message {MessageId} moved to {Queue}-poison after {DequeueCount} attempts")]
    private static partial void LogPoisoned(ILogger logger, string queue, string messageId, long dequeueCount);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Lost the lease on {MessageId} in {Queue}")]
    private static partial void LogLeaseLost(ILogger logger, string queue, string messageId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Critical, Message = "Fault injection: killing the process after {Count} messages")]
    private static partial void LogKilled(ILogger logger, int count);
}
