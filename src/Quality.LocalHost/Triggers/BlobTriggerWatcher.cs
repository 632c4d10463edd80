using System.Text.RegularExpressions;
using Azure;
using Microsoft.Extensions.Options;
using Quality.LocalHost.Catalog;
using Quality.LocalHost.Invocation;
using Quality.Pipeline.Storage;

namespace Quality.LocalHost.Triggers;

/// <summary>
/// Stands in for Event Grid's BlobCreated: lists each blob-triggered function's container, and invokes the function
/// once for every blob version (name, ETag) it has not handled. A failed invocation is tried again on the next scans,
/// up to <see cref="TriggerOptions.MaxBlobAttempts"/> times, as the Functions host retries a blob trigger. After a
/// restart every blob is new once; the functions are idempotent, so that costs a lookup per blob.
/// </summary>
internal sealed partial class BlobTriggerWatcher(
    FunctionCatalog catalog,
    FunctionInvoker invoker,
    StorageClients storage,
    TimeProvider time,
    IOptions<TriggerOptions> options,
    ILogger<BlobTriggerWatcher> logger) : BackgroundService
{
    private readonly Dictionary<(string Function, string Blob), (string ETag, int Attempts, bool Done)> _seen = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Blobs)
        {
            return;
        }

        var watches = catalog.OfKind(TriggerKind.Blob).Select(Watch.For).ToList();
        using var timer = new PeriodicTimer(options.Value.BlobScanInterval, time);
        do
        {
            foreach (var watch in watches)
            {
                try
                {
                    await ScanAsync(watch, stoppingToken);
                }
                catch (RequestFailedException ex)
                {
                    LogScanFailed(logger, ex, watch.Container);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ScanAsync(Watch watch, CancellationToken cancellationToken)
    {
        var container = storage.Container(storage.Names.Prefixed(watch.Container));
        await foreach (var item in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var etag = item.Properties.ETag?.ToString() ?? "";
            var key = (watch.Function.Name, item.Name);
            var seen = _seen.TryGetValue(key, out var s) && s.ETag == etag ? s : (etag, Attempts: 0, Done: false);
            if (seen.Done || watch.Pattern.Match(item.Name) is not { Success: true } match)
            {
                continue;
            }

            var bindingData = watch.Pattern.GetGroupNames().Where(g => !int.TryParse(g, out _))
                .ToDictionary(g => g, g => (object?)match.Groups[g].Value, StringComparer.Ordinal);
            try
            {
                await invoker.InvokeAsync(watch.Function, container.GetBlobClient(item.Name), bindingData, cancellationToken);
                _seen[key] = (etag, seen.Attempts + 1, true);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var attempts = seen.Attempts + 1;
                var givingUp = attempts >= options.Value.MaxBlobAttempts;
                _seen[key] = (etag, attempts, givingUp);
                LogInvocationFailed(logger, ex, watch.Function.Name, item.Name, attempts, givingUp);
            }
        }
    }

    /// <summary>A blob-triggered function's container and its path pattern as a regex, one named group per <c>{token}</c>.</summary>
    private sealed record Watch(FunctionDescriptor Function, string Container, Regex Pattern)
    {
        public static Watch For(FunctionDescriptor function)
        {
            var path = function.BlobTrigger.BlobPath;
            var slash = path.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
            {
                throw new InvalidOperationException($"Function {function.Name}: blob path '{path}' names no container.");
            }

            var pattern = Regex.Replace(Regex.Escape(path[(slash + 1)..]).Replace("\\{", "{", StringComparison.Ordinal), "{(\\w+)}", "(?<$1>.+)");
            return new Watch(function, path[..slash], new Regex("^" + pattern + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        }
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Listing {Container} failed")]
    private static partial void LogScanFailed(ILogger logger, Exception exception, string container);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "{Function} failed for {BlobName} (attempt {Attempt}; giving up: {GivingUp})")]
    private static partial void LogInvocationFailed(ILogger logger, Exception exception, string function, string blobName, int attempt, bool givingUp);
}
