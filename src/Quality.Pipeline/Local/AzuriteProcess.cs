using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Quality.Pipeline.Local;

/// <summary>
/// The pinned Azurite from <c>tools/azurite</c>, started as a child process on loopback only: in memory unless a
/// data folder is given, installed with <c>npm ci</c> when missing. <c>--skipApiVersionCheck</c> because the
/// storage SDKs send a newer x-ms-version than Azurite 3.37.0 knows.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's published development account (public, dev-only).</summary>
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        ConnectionString = string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;");
    }

    public string ConnectionString { get; }

    public int ProcessId => _process.Id;

    public static async Task<AzuriteProcess> StartAsync(AzuriteOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tool = string.IsNullOrEmpty(options.ToolDirectory) ? FindToolDirectory() : Path.GetFullPath(options.ToolDirectory);
        var entry = Path.Combine(tool, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(entry))
        {
            await InstallOnceAsync(tool, entry, cancellationToken);
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = tool,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(options, entry))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Observe(e.Data);
        process.ErrorDataReceived += (_, e) => Observe(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StartTimeout);
        try
        {
            var exited = process.WaitForExitAsync(timeout.Token);
            if (await Task.WhenAny(ready.Task, exited) == exited)
            {
                await exited;
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}.");
            }

            await ready.Task;
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            Kill(process);
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"Azurite did not start ({ex.Message}) within {options.StartTimeout.TotalSeconds:0} s from {tool}. ") +
                "If the ports 10000-10002 are taken by another Azurite, set Storage:ConnectionString to use it. Output:\n" +
                string.Join('\n', output), ex);
        }

        return new AzuriteProcess(process, ports["Blob"], ports["Queue"], ports["Table"]);

        void Observe(string? line)
        {
            if (line is null)
            {
                return;
            }

            output.Enqueue(line);
            var match = Listening().Match(line);
            if (match.Success)
            {
                lock (ports)
                {
                    ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
                    if (ports.Count == 3)
                    {
                        ready.TrySetResult();
                    }
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _process.Dispose();
    }

    /// <summary>tools/azurite of the repository: searched upward from the working directory and from the binaries.</summary>
    public static string FindToolDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tools", "azurite");
                if (File.Exists(Path.Combine(candidate, "package.json")))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException(
            "No tools/azurite/package.json above the working directory or the binaries; set Azurite:ToolDirectory, " +
            "or configure Storage:ConnectionString to use existing storage.");
    }

    private static IEnumerable<string> Arguments(AzuriteOptions options, string entry)
    {
        yield return entry;
        yield return "--skipApiVersionCheck";
        yield return "--disableTelemetry";
        yield return "--loose";
        foreach (var (flag, port) in new[] { ("--blobPort", options.BlobPort), ("--queuePort", options.QueuePort), ("--tablePort", options.TablePort) })
        {
            yield return flag;
            yield return port.ToString(CultureInfo.InvariantCulture);
        }

        yield return "--blobHost";
        yield return "127.0.0.1";
        yield return "--queueHost";
        yield return "127.0.0.1";
        yield return "--tableHost";
        yield return "127.0.0.1";
        if (string.IsNullOrEmpty(options.DataFolder))
        {
            yield return "--inMemoryPersistence";
        }
        else
        {
            Directory.CreateDirectory(options.DataFolder);
            yield return "--location";
            yield return Path.GetFullPath(options.DataFolder);
        }
    }

    /// <summary>Installs under a lock file, so test processes starting together do not run npm ci over each other.</summary>
    private static async Task InstallOnceAsync(string tool, string entry, CancellationToken cancellationToken)
    {
        var lockPath = Path.Combine(tool, ".install.lock");
        while (true)
        {
            try
            {
                await using var held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                if (!File.Exists(entry))
                {
                    await InstallAsync(tool, cancellationToken);
                }

                return;
            }
            catch (IOException)
            {
                await Task.Delay(500, cancellationToken); // another process is installing
            }
        }
    }

    private static async Task InstallAsync(string tool, CancellationToken cancellationToken)
    {
        var npm = new ProcessStartInfo("npm") { WorkingDirectory = tool, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            npm.ArgumentList.Add(argument);
        }

        using var process = Process.Start(npm) ?? throw new InvalidOperationException("Could not start npm to install Azurite.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {tool} failed ({process.ExitCode}): {await errors}");
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex Listening();
}
