using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Quality.Pipeline.Local;

/// <summary>
/// Keeps a received message invisible while it is processed by extending its visibility every third of the timeout.
/// Each extension returns a new pop receipt; the latest one is needed to delete or release the message.
/// </summary>
internal sealed class MessageLease(QueueClient queue, QueueMessage message, TimeSpan visibilityTimeout)
{
    private readonly Lock _gate = new();
    private string _popReceipt = message.PopReceipt;

    public string PopReceipt
    {
        get
        {
            lock (_gate)
            {
                return _popReceipt;
            }
        }
    }

    /// <summary>Starts renewing; disposing the result stops it and waits for a renewal in flight.</summary>
    public IAsyncDisposable KeepAlive(CancellationToken cancellationToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewAsync(stop.Token);
        return new Renewal(stop, renewal);
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        var period = visibilityTimeout / 3;
        try
        {
            while (true)
            {
                await Task.Delay(period, cancellationToken);
                var receipt = await queue.UpdateMessageAsync(message.MessageId, PopReceipt, visibilityTimeout: visibilityTimeout, cancellationToken: cancellationToken);
                lock (_gate)
                {
                    _popReceipt = receipt.Value.PopReceipt;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Processing finished.
        }
        catch (Azure.RequestFailedException)
        {
            // Lost the message to another consumer; the delete will say so.
        }
    }

    private sealed class Renewal(CancellationTokenSource stop, Task renewal) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await renewal;
            stop.Dispose();
        }
    }
}
