using System.Collections.Concurrent;
using System.Diagnostics;

namespace Quality.Tests.Shared;

/// <summary>
/// The dev host as a separate operating-system process (<c>dotnet Quality.LocalHost.dll</c>), configured through
/// environment variables as in deployment: what a crash test kills for real (SIGKILL, no clean-up).
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The process id: <c>dotnet X.dll</c> runs the app in the process it starts, so this is the dev host's own.</summary>
    public int Id => _process.Id;

    public string Output => string.Join('\n', _output);

    /// <param name="settings">Configuration keys (<c>Section:Key</c>) passed as environment variables.</param>
    public static HostProcess Start(IReadOnlyDictionary<string, string?> settings, string hostId)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Quality.LocalHost.dll"));
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Pipeline__HostId"] = hostId;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
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

    private void Keep(string? line)
    {
        if (line is not null && _output.Count < 2000)
        {
            _output.Enqueue(line);
        }
    }
}
