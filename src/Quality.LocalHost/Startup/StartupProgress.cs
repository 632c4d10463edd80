using System.Diagnostics;
using System.Globalization;

namespace Quality.LocalHost.Startup;

/// <summary>
/// What the dev host tells its user while it starts and stops, one line a step with how long it took, straight to the
/// console whatever the log level: the first line comes as soon as the process runs, so a long first step (installing
/// Azurite) is never silence.
/// </summary>
internal sealed class StartupProgress(TextWriter output)
{
    private readonly long _started = Stopwatch.GetTimestamp();

    /// <summary>Time since the process began its start-up.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    public void Say(string line)
    {
        output.WriteLine(line);
        output.Flush();
    }

    /// <summary>Runs a step: announces it first when it is slow enough to need it, then says what it did and in how long.</summary>
    public async Task<T> StepAsync<T>(string? announcement, Func<Task<T>> step, Func<T, string> done)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(done);
        if (announcement is not null)
        {
            Say(announcement);
        }

        var started = Stopwatch.GetTimestamp();
        var result = await step();
        Say($"{done(result)} in {Seconds(Stopwatch.GetElapsedTime(started))}");
        return result;
    }

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
