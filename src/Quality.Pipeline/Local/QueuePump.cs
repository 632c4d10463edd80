using System.Diagnostics;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quality.Pipeline.Messages;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Local;

/// <summary>
/// Delivers queue messages to their function the way the Functions host does in Azure: receive a batch, keep each
/// message invisible while it runs, delete it on success, make it visible again after a failure, and after the last
/// allowed attempt move it to <c>{queue}-poison</c>. Several processes pumping the same queues are competing consumers.
/// </summary>
public sealed partial class QueuePump(
    StorageClients storage,
    MessageDispatcher dispatcher,
    IOptions<QueuePumpOptions> options,
    ILogger<QueuePump> logger)
{
    private int _processed;

    /// <summary>Receives one batch from the function's queue and processes it; returns how many messages it got.</summary>
    public async Task<int> PumpOnceAsync(PipelineFunction function, CancellationToken cancellationToken)
    {
        var queue = storage.Queue(MessageDispatcher.QueueOf(function, storage.Names));
        QueueMessage[] messages = await queue.ReceiveMessagesAsync(options.Value.BatchSize, options.Value.VisibilityTimeout, cancellationToken);
        await Task.WhenAll(messages.Select(m => ProcessAsync(function, queue, m, cancellationToken)));
        return messages.Length;
    }

    /// <summary>Pumps every queue until a whole round finds nothing: the pipeline is idle. For tests and tools.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var received = 0;
            foreach (var function in Enum.GetValues<PipelineFunction>())
            {
                received += await PumpOnceAsync(function, cancellationToken);
            }

            if (received == 0)
            {
                return;
            }
        }
    }

    private async Task ProcessAsync(PipelineFunction function, QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        var lease = new MessageLease(queue, message, options.Value.VisibilityTimeout);
        bool succeeded;
        await using (lease.KeepAlive(cancellationToken))
        {
            try
            {
                await dispatcher.HandleAsync(function, message.Body.ToString(), message.DequeueCount, cancellationToken);
                succeeded = true;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
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
        catch (RequestFailedException ex) when (ex.Status == 404 || ex.ErrorCode == "PopReceiptMismatch")
        {
            // The lease was lost (it expired while we worked, e.g. on a starved machine) and the message is visible again
            // or another consumer has it: it runs again, and every handler is idempotent.
            LogLeaseLost(logger, queue.Name, message.MessageId);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Message {MessageId} moved to {Queue}-poison after {DequeueCount} attempts")]
    private static partial void LogPoisoned(ILogger logger, string queue, string messageId, long dequeueCount);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Lost the lease on {MessageId} in {Queue}")]
    private static partial void LogLeaseLost(ILogger logger, string queue, string messageId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Critical, Message = "Fault injection: killing the process after {Count} messages")]
    private static partial void LogKilled(ILogger logger, int count);
}
