using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Connections;
using Quality.Functions;
using Quality.LocalHost.Storage;
using Quality.Pipeline.Local;

namespace Quality.LocalHost.Startup;

/// <summary>
/// The dev host's process from start to exit: storage (its own Azurite unless one is configured), the functions on the
/// Durable engine, HTTP; each step said with its time (<see cref="StartupProgress"/>). A start-up problem a user can fix
/// (a port in use, no Node.js) is one sentence on stderr with the fix and exit code 1, never a stack trace.
/// Ctrl-C stops the host, then Azurite, which ignores the terminal's Ctrl-C for that (<see cref="AzuriteProcess"/>).
/// </summary>
internal static class DevHost
{
    private const string RunCommand = "dotnet run --project src/Quality.LocalHost";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (!DevHostArguments.TryParse(args, out var arguments, out var problem))
        {
            await error.WriteLineAsync(problem);
            return 2;
        }

        if (arguments.Help)
        {
            await output.WriteAsync(DevHostArguments.Usage);
            return 0;
        }

        var progress = new StartupProgress(output);
        progress.Say("Serverless.Quality dev host: starting (--help for options)");
        var builder = WebApplication.CreateBuilder([.. arguments.Remaining]);
        builder.Configuration.AddInMemoryCollection(arguments.Settings);
        var urls = builder.Configuration["urls"] is { Length: > 0 } configured ? configured : FunctionsHostExtensions.DefaultUrl;
        if (ListenAddresses.FirstInUse(urls) is { } taken)
        {
            await error.WriteLineAsync(PortInUse(taken));
            return 1;
        }

        // Until the host handles Ctrl-C itself, it cancels the start (an npm install, Azurite starting).
        using var starting = new CancellationTokenSource();
        AzuriteProcess? azurite = null;
        try
        {
            void Cancel(PosixSignalContext context)
            {
                context.Cancel = true;
                starting.Cancel();
            }

            using (PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel))
            using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel))
            {
                azurite = await LocalStorage.StartUnlessConfiguredAsync(builder.Configuration, progress, starting.Token);
            }

            builder.Services.AddQualityFunctions(builder.Configuration);
            builder.AddFunctionsHost();
            await using var app = builder.Build();
            app.MapFunctions();
            if (!await StartAsync(app, progress, error))
            {
                return 1;
            }

            var stopping = 0L;
            app.Lifetime.ApplicationStopping.Register(() =>
            {
                stopping = Stopwatch.GetTimestamp();
                progress.Say("Stopping: the task hub's workers and the triggers, then Azurite");
            });
            await app.WaitForShutdownAsync();
            await app.DisposeAsync();
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
                azurite = null;
            }

            progress.Say($"Stopped in {StartupProgress.Seconds(Stopwatch.GetElapsedTime(stopping))}");
            return 0;
        }
        catch (AzuritePortInUseException ex)
        {
            var elsewhere = ex.Port < 20000 ? 20000 : ex.Port + 100;
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Port {ex.Port} is in use, so Azurite cannot start there; another Azurite is probably running: use it with " +
                $"`AzureWebJobsStorage=UseDevelopmentStorage=true {RunCommand}`, or start this host's own on other ports with " +
                $"`{RunCommand} -- --azurite-ports {elsewhere}`."));
            return 1;
        }
        catch (AzuriteException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (OperationCanceledException) when (starting.IsCancellationRequested)
        {
            await error.WriteLineAsync("Stopped while starting.");
            return 1;
        }
        finally
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
        }
    }

    /// <summary>Starts the functions and HTTP; false when the HTTP port is taken, which it has said how to fix.</summary>
    private static async Task<bool> StartAsync(WebApplication app, StartupProgress progress, TextWriter error)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await app.StartAsync();
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            // What did start (the task hub's worker and its leases) stops before the process ends.
            await app.StopAsync();
            await error.WriteLineAsync(PortInUse(app.Configuration["urls"] ?? FunctionsHostExtensions.DefaultUrl));
            return false;
        }

        progress.Say($"Functions: storage, task hub, triggers and HTTP started in {StartupProgress.Seconds(Stopwatch.GetElapsedTime(started))}");
        progress.Say($"Listening on {string.Join(", ", app.Urls)}; ready {StartupProgress.Seconds(progress.Elapsed)} after start. Ctrl-C stops the host and Azurite.");
        return true;
    }

    private static string PortInUse(string url) =>
        $"{url} is in use (another dev host?), so this one cannot listen there: stop the other, or listen elsewhere with " +
        $"`{RunCommand} -- --urls http://localhost:7072`.";
}
