using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Quality.Tests.Shared;

/// <summary>
/// The dev host as a separate operating-system process (<c>dotnet Quality.LocalHost.dll</c>), configured through
/// environment variables as in deployment: what a crash test kills for real (SIGKILL, no clean-up), and what a
/// start-up test watches and interrupts as a user's terminal would (SIGINT to it, or to its whole process group).
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private HostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(_output, e.Data);
        _process.ErrorDataReceived += (_, e) =>
        {
            Keep(_output, e.Data);
            Keep(_errors, e.Data);
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The process id: <c>dotnet X.dll</c> runs the app in the process it starts, so this is the dev host's own.</summary>
    public int Id => _process.Id;

    /// <summary>Standard output and error, interleaved as they came.</summary>
    public string Output => string.Join('\n', _output);

    public string Errors => string.Join('\n', _errors);

    /// <param name="settings">Configuration keys (<c>Section:Key</c>) passed as environment variables.</param>
    /// <param name="arguments">Command-line arguments after the dll, as a user gives them after <c>dotnet run --</c>.</param>
    /// <param name="ownProcessGroup">Start it in a process group of its own (<c>setsid</c>), as a terminal runs a command, so
    /// <see cref="InterruptAsync"/> can reach the host and its Azurite together as Ctrl-C does.</param>
    public static HostProcess Start(IReadOnlyDictionary<string, string?> settings, string hostId, IReadOnlyList<string>? arguments = null, bool ownProcessGroup = false)
    {
        var start = new ProcessStartInfo(ownProcessGroup ? "setsid" : "env")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (ownProcessGroup)
        {
            start.ArgumentList.Add("env"); // setsid and env exec what follows in place: the id stays the host's
        }

        // Ctrl-C as a terminal delivers it: a test process started by an MSBuild worker node (`dotnet test` of the
        // solution) inherits SIGINT ignored, and .NET keeps an inherited ignore, so the host would never see it.
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add("dotnet");

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Quality.LocalHost.dll"));
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Pipeline__HostId"] = hostId;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>The processes the host started (its Azurite), by their ids.</summary>
    public IReadOnlyList<int> ChildProcessIds()
    {
        var children = Path.Combine("/proc", Id.ToString(CultureInfo.InvariantCulture), "task", Id.ToString(CultureInfo.InvariantCulture), "children");
        try
        {
            return [.. File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture))];
        }
        catch (IOException)
        {
            return []; // exited
        }
    }

    /// <summary>SIGINT, as Ctrl-C sends it: to the host alone, or to its whole process group (see <c>ownProcessGroup</c>).</summary>
    public async Task InterruptAsync(bool processGroup = false)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", "--", (processGroup ? "-" : "") + Id.ToString(CultureInfo.InvariantCulture) } })
            ?? throw new InvalidOperationException("kill did not start");
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits for the host to exit by itself; false if it has not within <paramref name="patience"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan patience)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(patience);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Whether a process is running (an exited one awaiting its parent, a zombie, is not).</summary>
    public static bool IsRunning(int processId)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine("/proc", processId.ToString(CultureInfo.InvariantCulture), "stat"));
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: the process gets no chance to release a lease, finish a write or stop its workers.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null && lines.Count < 2000)
        {
            lines.Enqueue(line);
        }
    }
}
