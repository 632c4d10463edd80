using System.Text.RegularExpressions;
using Azure;
using Microsoft.Extensions.Options;
using Quality.LocalHost.Catalog;
using Quality.LocalHost.Invocation;
using Quality.Pipeline;
using Quality.Pipeline.Storage;

namespace Quality.LocalHost.Triggers;

/// <summary>
/// Stands in for Event Grid's BlobCreated: lists each blob-triggered function's container, and invokes the function
/// once for every blob version (name, ETag), across all dev hosts on the account — Event Grid delivers an event to one
/// instance, and blob receipts (<see cref="BlobReceipts"/>) do the same here. A failed invocation is tried again on the
/// next scans, up to <see cref="TriggerOptions.MaxBlobAttempts"/> times, as the Functions host retries a blob trigger.
/// </summary>
internal sealed partial class BlobTriggerWatcher(
    FunctionCatalog catalog,
    FunctionInvoker invoker,
    StorageClients storage,
    TimeProvider time,
    IOptions<TriggerOptions> options,
    IOptions<PipelineOptions> pipeline,
    ILogger<BlobTriggerWatcher> logger) : BackgroundService
{
    /// <summary>The Functions host's container for its own bookkeeping, blob receipts among it.</summary>
    private const string HostsContainer = "azure-webjobs-hosts";

    private readonly Dictionary<(string Function, string Blob), (string ETag, int Attempts, bool Done)> _seen = [];
    private readonly BlobReceipts _receipts = new(storage.Container(storage.Names.Prefixed(HostsContainer)), pipeline.Value.HostId, time);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Blobs)
        {
            return;
        }

        var watches = catalog.OfKind(TriggerKind.Blob).Select(Watch.For).ToList();
        await _receipts.CreateAsync(stoppingToken);
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

            var receipt = await _receipts.ClaimAsync(watch.Function.Name, container.Name, item.Name, etag, cancellationToken);
            if (receipt != ReceiptState.Claimed)
            {
                // Done elsewhere: never look again. Busy elsewhere: look again on the next scan.
                _seen[key] = (etag, seen.Attempts, receipt == ReceiptState.Done);
                continue;
            }

            var bindingData = watch.Pattern.GetGroupNames().Where(g => !int.TryParse(g, out _))
                .ToDictionary(g => g, g => (object?)match.Groups[g].Value, StringComparer.Ordinal);
            try
            {
                await invoker.InvokeAsync(watch.Function, container.GetBlobClient(item.Name), bindingData, cancellationToken);
                await _receipts.CompleteAsync(watch.Function.Name, container.Name, item.Name, etag, cancellationToken);
                _seen[key] = (etag, seen.Attempts + 1, true);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var attempts = seen.Attempts + 1;
                var givingUp = attempts >= options.Value.MaxBlobAttempts;
                _seen[key] = (etag, attempts, givingUp);
                LogInvocationFailed(logger, ex, watch.Function.Name, item.Name, attempts, givingUp);
                await (givingUp
                    ? _receipts.CompleteAsync(watch.Function.Name, container.Name, item.Name, etag, cancellationToken)
                    : _receipts.ReleaseAsync(watch.Function.Name, container.Name, item.Name, etag, cancellationToken));
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
