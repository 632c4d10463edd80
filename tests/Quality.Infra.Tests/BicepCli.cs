using System.Diagnostics;
using System.Reflection;

namespace Quality.Infra.Tests;

/// <summary>
/// The Bicep CLI from the restored Azure.Bicep.CommandLine.linux-x64 package. The project passes the package's
/// <c>BicepPath</c> (its <c>tools/bicep</c>) into this assembly's metadata, so the binary is found wherever the NuGet
/// cache is; it is made executable when the cache lost the mode bit.
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static readonly Lazy<string> Executable = new(Locate);

    /// <summary>Runs <c>bicep</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    /// <param name="environment">
    /// Variables for the run (the parameter files read <c>QUALITY_*</c>); every <c>QUALITY_*</c> variable of the test
    /// process is removed first, so a developer's shell cannot change what a test sees.
    /// </param>
    public static BicepRun Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable.Value)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("QUALITY_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        // The CLI is a single-file .NET app that extracts part of itself on first run: into the test output, not $HOME.
        start.Environment["DOTNET_BUNDLE_EXTRACT_BASE_DIR"] = Path.Combine(AppContext.BaseDirectory, "bicep-extract");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} ran longer than {Timeout}");
        }

        return new BicepRun(string.Join(' ', arguments), process.ExitCode, output.GetAwaiter().GetResult(), errors.GetAwaiter().GetResult());
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepPath")?.Value
            ?? throw new InvalidOperationException("No BicepPath in the test assembly's metadata: restore Quality.Infra.Tests.");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The Bicep CLI is not where its package was restored", path);
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(path, mode | execute);
            }
        }

        return path;
    }
}
