using System.Collections.Concurrent;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Local;

/// <summary>Wakes this process's pump for a queue when this process enqueues to it, instead of waiting out the back-off.</summary>
internal sealed class LocalQueueSignal : IQueueSignal
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _signals = new(StringComparer.Ordinal);

    public void Notify(string queue)
    {
        try
        {
            For(queue).Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up is enough.
        }
    }

    /// <summary>Waits until the queue is notified or the delay passes.</summary>
    public async Task WaitAsync(string queue, TimeSpan delay, CancellationToken cancellationToken) =>
        await For(queue).WaitAsync(delay, cancellationToken);

    private SemaphoreSlim For(string queue) => _signals.GetOrAdd(queue, _ => new SemaphoreSlim(0, 1));
}
