using System.Globalization;
using Spectre.Console;

namespace Quality.Cli.Progress;

/// <summary>
/// Progress of work that takes over a second, on stderr only (stdout carries the result, <c>--json</c> included): a
/// progress bar when stderr is a terminal, plain lines once a second otherwise (a log, CI). Work done within the second
/// shows nothing.
/// </summary>
internal static class WorkProgress
{
    public static TimeSpan After { get; } = TimeSpan.FromSeconds(1);

    /// <param name="total">The amount of work <paramref name="work"/> reports against (bytes read); once reached, the rest is computing.</param>
    public static async Task<T> RunAsync<T>(
        TextWriter error, string description, long total, Func<IProgress<long>, Task<T>> work, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(time);
        var counter = new ProgressCounter();
        var started = time.GetTimestamp();
        var running = Task.Run(() => work(counter), cancellationToken);
        if (await Task.WhenAny(running, Task.Delay(After, time, cancellationToken)) == running)
        {
            return await running;
        }

        if (ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected)
        {
            await BarAsync(error, description, total, counter, running, time);
        }
        else
        {
            await LinesAsync(error, description, total, counter, running, time, started);
        }

        return await running;
    }

    private static async Task LinesAsync(TextWriter error, string description, long total, ProgressCounter counter, Task running, TimeProvider time, long started)
    {
        var computing = false;
        while (!running.IsCompleted)
        {
            var done = Math.Min(counter.Value, total);
            if (counter.Value == ProgressCounter.Unknown)
            {
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{description}: working ({time.GetElapsedTime(started).TotalSeconds:0} s)"));
            }
            else if (done < total)
            {
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{description}: {(total == 0 ? 100 : 100 * done / total)}% ({done:#,0} of {total:#,0} bytes read)"));
            }
            else if (!computing)
            {
                computing = true;
                await error.WriteLineAsync($"{description}: read; computing agreement and intervals");
            }

            await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(1), time));
        }

        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{description}: done in {time.GetElapsedTime(started).TotalSeconds:0.0} s"));
    }

    private static async Task BarAsync(TextWriter error, string description, long total, ProgressCounter counter, Task running, TimeProvider time)
    {
        // Spectre judges interactivity by stdout, which --json may redirect; stderr is the terminal here.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error), Interactive = InteractionSupport.Yes, Ansi = AnsiSupport.Yes });
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(total, 1));
                while (!running.IsCompleted)
                {
                    task.IsIndeterminate = counter.Value == ProgressCounter.Unknown;
                    task.Value = Math.Max(0, Math.Min(counter.Value, total));
                    if (counter.Value >= total)
                    {
                        task.Description = Markup.Escape(description + ": computing");
                    }

                    await Task.WhenAny(running, Task.Delay(TimeSpan.FromMilliseconds(100), time));
                }

                task.Value = task.MaxValue;
            });
    }
}
