using System.Globalization;

namespace Quality.Benchmarks.EndToEnd;

/// <summary>
/// The project's command and a Python baseline on the same machine in the same session, run alternately (project,
/// baseline, project, …) so that load from other work falls on both alike; per run the 1-minute load average beside the
/// figures, then the medians and their ratio.
/// </summary>
internal static class SideBySide
{
    /// <summary>One side: a name and how to run it once.</summary>
    public sealed record Side(string Name, Func<TimedCommand.Run> Run);

    /// <summary>The runs of both sides, in order.</summary>
    public sealed record Result(IReadOnlyList<TimedCommand.Run> Project, IReadOnlyList<TimedCommand.Run> Baseline)
    {
        public double ProjectSeconds => Median(Project.Select(r => r.Seconds));

        public double BaselineSeconds => Median(Baseline.Select(r => r.Seconds));

        public double ProjectCpuSeconds => Median(Project.Select(r => r.CpuSeconds));

        public double BaselineCpuSeconds => Median(Baseline.Select(r => r.CpuSeconds));

        /// <summary>How many times faster the project is than the baseline (medians of wall seconds).</summary>
        public double Speedup => BaselineSeconds / ProjectSeconds;

        /// <summary>How many times less CPU the project spends than the baseline (medians of CPU seconds).</summary>
        public double CpuRatio => BaselineCpuSeconds / ProjectCpuSeconds;
    }

    public static Result Run(Side project, Side baseline, int runs)
    {
        var projectRuns = new List<TimedCommand.Run>();
        var baselineRuns = new List<TimedCommand.Run>();
        for (var run = 1; run <= runs; run++)
        {
            foreach (var (side, into) in new[] { (project, projectRuns), (baseline, baselineRuns) })
            {
                var load = LoadAverage();
                var measured = side.Run();
                into.Add(measured);
                Console.WriteLine(Invariant($"  run {run} {side.Name}: {measured.Seconds:N3} s ({measured.CpuSeconds:N2} CPU s), peak RSS {Mib(measured.PeakRssBytes)} MiB (load {load})"));
            }
        }

        var result = new Result(projectRuns, baselineRuns);
        Console.WriteLine(Invariant(
            $"median of {runs}: {project.Name} {result.ProjectSeconds:N3} s, {result.ProjectCpuSeconds:N2} CPU s (peak RSS {Mib((long)Median(projectRuns.Select(r => (double)r.PeakRssBytes)))} MiB); ") +
            Invariant($"{baseline.Name} {result.BaselineSeconds:N3} s, {result.BaselineCpuSeconds:N2} CPU s (peak RSS {Mib((long)Median(baselineRuns.Select(r => (double)r.PeakRssBytes)))} MiB)"));
        Console.WriteLine(Invariant(
            $"ratio: {project.Name} is {result.Speedup:N2}× {baseline.Name} in wall time, {result.CpuRatio:N2}× in CPU time (load now {LoadAverage()})"));
        return result;
    }

    /// <summary>The 1-, 5- and 15-minute load averages, as <c>uptime</c> prints them.</summary>
    public static string LoadAverage() => string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static long Mib(long bytes) => bytes / (1024 * 1024);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
