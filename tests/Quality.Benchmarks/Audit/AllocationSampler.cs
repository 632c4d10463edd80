using System.Diagnostics.Tracing;

namespace Quality.Benchmarks.Audit;

/// <summary>
/// Which types a step allocates, sampled by the runtime itself: its <c>GCAllocationTick</c> event fires about every
/// 100 KB allocated and names the type of the allocation that crossed the mark, so the counts are proportional to
/// bytes allocated per type (<c>e2e-gold-phases --allocations</c>).
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int AllocationTickEvent = 10;
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != AllocationTickEvent || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
        {
            return;
        }

        var type = payload[names.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        lock (_lock)
        {
            _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
        }
    }

    /// <summary>The sampled bytes per type since the last call, largest first, and starts afresh.</summary>
    public List<(string Type, long Bytes)> Take(int top)
    {
        lock (_lock)
        {
            var largest = _bytes.OrderByDescending(t => t.Value).Take(top).Select(t => (t.Key, t.Value)).ToList();
            _bytes.Clear();
            return largest;
        }
    }
}
