namespace Quality.Cli.Progress;

/// <summary>
/// The latest amount done, reported from any thread (no synchronisation context, unlike <see cref="Progress{T}"/>);
/// <see cref="Unknown"/> when the work cannot say (a manifest's files are read one by one).
/// </summary>
internal sealed class ProgressCounter : IProgress<long>
{
    public const long Unknown = -1;

    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Report(long value) => Interlocked.Exchange(ref _value, value);
}
