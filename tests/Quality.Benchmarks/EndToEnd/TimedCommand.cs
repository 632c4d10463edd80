using System.Diagnostics;
using System.Globalization;

namespace Quality.Benchmarks.EndToEnd;

/// <summary>
/// Runs a command as a user would, a child process started from its executable, and measures it: wall seconds
/// (<see cref="Stopwatch"/> around start to exit), CPU seconds (user + system) and the peak resident set size, both of
/// which GNU time reads from the kernel's rusage of the child when it exits (<c>wait4</c>), so the peak is exact where
/// polling <c>/proc</c> would miss the last spike. CPU seconds say what the work costs when other work on a shared
/// machine stretches the wall time. Needs <c>/usr/bin/time</c> (Debian package <c>time</c>).
/// </summary>
internal static class TimedCommand
{
    private const string GnuTime = "/usr/bin/time";

    /// <summary>One run: wall seconds, CPU seconds (user + system), peak RSS in bytes, what it printed.</summary>
    public sealed record Run(double Seconds, double CpuSeconds, long PeakRssBytes, string Output);

    /// <exception cref="InvalidOperationException">The command failed: its exit code and stderr.</exception>
    public static Run Measure(string executable, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        if (!File.Exists(GnuTime))
        {
            throw new InvalidOperationException($"{GnuTime} is needed to measure a child's peak memory: apt-get install -y time");
        }

        var rusage = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo(GnuTime)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            };
            foreach (var argument in new[] { "-f", "%M %U %S", "-o", rusage, executable }.Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            var seconds = clock.Elapsed.TotalSeconds;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{executable} {string.Join(' ', start.ArgumentList.Skip(4))} exited with {process.ExitCode}: {error.Result}");
            }

            // GNU time writes "%M %U %S" (peak RSS in KiB, user and system seconds) as the last line; a signal note may precede it.
            var figures = File.ReadAllLines(rusage).Last(l => l.Length > 0).Split(' ');
            var kibibytes = long.Parse(figures[0], CultureInfo.InvariantCulture);
            var cpu = double.Parse(figures[1], CultureInfo.InvariantCulture) + double.Parse(figures[2], CultureInfo.InvariantCulture);
            return new Run(seconds, cpu, kibibytes * 1024, output.Result);
        }
        finally
        {
            File.Delete(rusage);
        }
    }
}
