using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Quality.Pipeline.Local;

/// <summary>
/// The pinned Azurite from <c>tools/azurite</c>, started as a child process on loopback only: in memory unless a
/// data folder is given, installed with <c>npm ci</c> when missing. <c>--skipApiVersionCheck</c> because the
/// storage SDKs send a newer x-ms-version than Azurite 3.37.0 knows.
/// </summary>
/// <remarks>
/// Azurite belongs to the process that started it (<see cref="OwnedByParent"/>): it ignores the terminal's Ctrl-C, which
/// reaches every process of the foreground group, so its owner can stop its own work against a storage that is still
/// there and then stop Azurite; and it stops, writing its data, when its standard input closes — on
/// <see cref="DisposeAsync"/>, or when the owner dies in any way.
/// </remarks>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's published development account (public, dev-only).</summary>
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>
    /// Run by <c>node -e</c> before Azurite's own script (the next argument): drops Azurite's SIGINT handler and keeps node
    /// from exiting on SIGINT; on end of input raises the SIGTERM Azurite stops on (or exits, if it is still starting),
    /// with an exit 2 s later should closing hang.
    /// </summary>
    private const string OwnedByParent = """
        const once = process.once;
        process.once = function (event, listener) { return event === 'SIGINT' ? this : once.call(this, event, listener); };
        process.on('SIGINT', () => {});
        process.stdin.on('end', () => {
          setTimeout(() => process.exit(0), 2000).unref();
          if (process.listenerCount('SIGTERM') > 0) { process.emit('SIGTERM', 'SIGTERM'); } else { process.exit(0); }
        }).resume();
        require(process.argv[1]);
        """;

    private readonly Process _process;
    private readonly TimeSpan _stopTimeout;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort, TimeSpan stopTimeout)
    {
        _process = process;
        _stopTimeout = stopTimeout;
        (BlobPort, QueuePort, TablePort) = (blobPort, queuePort, tablePort);
        ConnectionString = string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;");
    }

    public string ConnectionString { get; }

    public int ProcessId => _process.Id;

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>Installs Azurite if needed (<see cref="AzuriteInstallation.InstallAsync"/>), then starts it.</summary>
    /// <exception cref="AzuritePortInUseException">A port is taken.</exception>
    /// <exception cref="AzuriteException">Node, npm or Azurite failed; the message says how.</exception>
    public static async Task<AzuriteProcess> StartAsync(AzuriteOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var installation = AzuriteInstallation.Find(options);
        await installation.InstallAsync(cancellationToken);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = installation.Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(options, installation.Entry))
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new AzuriteException("node did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new AzuriteException("node was not found: install Node.js 20 or later, or use running storage with AzureWebJobsStorage.", ex);
        }

        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new ConcurrentQueue<string>();
        var portInUse = 0;
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
                process.WaitForExit(); // the last lines of output
                throw Volatile.Read(ref portInUse) is > 0 and var port
                    ? new AzuritePortInUseException(port)
                    : new AzuriteException($"Azurite exited with code {process.ExitCode} while starting from {installation.Directory}:\n{string.Join('\n', output)}");
            }

            await ready.Task;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            Kill(process);
            throw new AzuriteException(string.Create(CultureInfo.InvariantCulture,
                $"Azurite did not listen within {options.StartTimeout.TotalSeconds:0} s from {installation.Directory}:\n{string.Join('\n', output)}"), ex);
        }
        catch
        {
            Kill(process);
            throw;
        }

        return new AzuriteProcess(process, ports["Blob"], ports["Queue"], ports["Table"], options.StopTimeout);

        void Observe(string? line)
        {
            if (line is null)
            {
                return;
            }

            if (!ready.Task.IsCompleted)
            {
                output.Enqueue(line); // what it said while starting; afterwards it logs every request
            }

            if (AddressInUse().Match(line) is { Success: true } inUse)
            {
                Volatile.Write(ref portInUse, int.Parse(inUse.Groups["port"].Value, CultureInfo.InvariantCulture));
            }

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

    /// <summary>Stops Azurite as its owner going away would (it closes its services and writes its data), killing it if that hangs.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(_stopTimeout).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or InvalidOperationException)
        {
            Kill(_process);
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private static IEnumerable<string> Arguments(AzuriteOptions options, string entry)
    {
        yield return "-e";
        yield return OwnedByParent;
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
        if (!string.IsNullOrEmpty(options.DebugLog))
        {
            yield return "--debug";
            yield return Path.GetFullPath(options.DebugLog);
        }

        if (options.KeepsDataInMemory)
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

    [GeneratedRegex(@"EADDRINUSE.*:(?<port>\d+)\s*$")]
    private static partial Regex AddressInUse();
}
