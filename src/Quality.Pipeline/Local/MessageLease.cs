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

    private async Task RenewAsync(CancellationToken stop)
    {
        var period = visibilityTimeout / 3;
        try
        {
            while (true)
            {
                await Task.Delay(period, stop);
                // Not cancellable once sent: a renewal the service applied but whose answer we dropped would leave us
                // holding a stale pop receipt, and the delete after a successful run would then fail.
                var receipt = await queue.UpdateMessageAsync(message.MessageId, PopReceipt, visibilityTimeout: visibilityTimeout, cancellationToken: CancellationToken.None);
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
