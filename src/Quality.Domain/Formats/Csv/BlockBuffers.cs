namespace Quality.Domain.Formats.Csv;

/// <summary>
/// The buffers of a table read in blocks (<see cref="RatingsCsvBlocks"/>): one per block in flight, each used again once
/// its block is parsed, all freed together when the read ends.
/// </summary>
/// <remarks>
/// Kept out of the collected heap (<see cref="NativeBuffer"/>): a new array per block made every page of it fault in
/// afresh and counted 8 MB against the large-object budget that starts a full collection; the shared array pool kept
/// four of them alive for the rest of the command. Here three buffers serve the 108 MB table's 13 blocks on two cores.
/// </remarks>
internal sealed class BlockBuffers(int bytes) : IDisposable
{
    private readonly Stack<NativeBuffer> _free = new();
    private readonly List<NativeBuffer> _made = [];

    /// <summary>Buffers made so far: the most blocks that were in flight at once.</summary>
    public int Made
    {
        get
        {
            lock (_free)
            {
                return _made.Count;
            }
        }
    }

    /// <summary>A buffer of at least <paramref name="minimum"/> bytes, and of the pool's size at least: a free one, or a new one.</summary>
    public NativeBuffer Rent(int minimum)
    {
        lock (_free)
        {
            if (_free.TryPeek(out var free) && free.Length >= minimum)
            {
                return _free.Pop();
            }

            var made = new NativeBuffer(Math.Max(bytes, minimum));
            _made.Add(made);
            return made;
        }
    }

    /// <summary>Gives a buffer back once nothing reads it any more; any thread.</summary>
    public void Return(NativeBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        lock (_free)
        {
            _free.Push(buffer);
        }
    }

    /// <summary>Frees every buffer made; the caller makes sure no block still reads one.</summary>
    public void Dispose()
    {
        lock (_free)
        {
            foreach (var buffer in _made)
            {
                ((IDisposable)buffer).Dispose();
            }

            _made.Clear();
            _free.Clear();
        }
    }
}
