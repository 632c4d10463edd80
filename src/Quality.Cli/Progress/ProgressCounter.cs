namespace Quality.Cli.Progress;

/// <summary>The latest amount done, reported from any thread (no synchronisation context, unlike <see cref="Progress{T}"/>).</summary>
internal sealed class ProgressCounter : IProgress<long>
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Report(long value) => Interlocked.Exchange(ref _value, value);
}
