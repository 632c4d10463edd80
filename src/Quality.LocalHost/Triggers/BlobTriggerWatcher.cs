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
/// once for every blob version (name, ETag) across all dev hosts on the account — Event Grid delivers an event to one
/// instance, and blob receipts (<see cref="BlobReceipts"/>) do the same here. A failed invocation gives its claim back
/// and is tried again after 1, 2, 4, 8 s; after <see cref="TriggerOptions.MaxBlobAttempts"/> failures this host stops
/// trying that version (another host, or this one restarted, tries again: a delivery is never marked done unhandled).
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

    private readonly Dictionary<(string Function, string Blob), Attempts> _attempts = [];
    private readonly BlobReceipts _receipts = new(storage.Container(storage.Names.Prefixed(HostsContainer)), pipeline.Value.HostId, time);
    private bool _receiptsCreated;

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
                    if (!_receiptsCreated)
                    {
                        await _receipts.CreateAsync(stoppingToken);
                        _receiptsCreated = true;
                    }

                    await ScanAsync(watch, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Storage unreachable, say: the next scan tries again; the watcher never stops the host.
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
            var attempts = _attempts.TryGetValue(key, out var a) && a.ETag == etag ? a : new Attempts(etag, 0, false, DateTimeOffset.MinValue);
            if (attempts.Finished || time.GetUtcNow() < attempts.NotBefore || watch.Pattern.Match(item.Name) is not { Success: true } match)
            {
                continue;
            }

            var (state, claim) = await _receipts.ClaimAsync(watch.Function.Name, container.Name, item.Name, etag, cancellationToken);
            if (claim is null)
            {
                // Done: never look again. Busy on another host: look again on the next scan.
                _attempts[key] = attempts with { Finished = state == ReceiptState.Done };
                continue;
            }

            _attempts[key] = await InvokeAsync(watch, match, container.GetBlobClient(item.Name), claim, attempts, cancellationToken);
        }
    }

    private async Task<Attempts> InvokeAsync(
        Watch watch, Match match, Azure.Storage.Blobs.BlobClient blob, ReceiptClaim claim, Attempts attempts, CancellationToken cancellationToken)
    {
        var bindingData = watch.Pattern.GetGroupNames().Where(g => !int.TryParse(g, out _))
            .ToDictionary(g => g, g => (object?)match.Groups[g].Value, StringComparer.Ordinal);
        using var keeping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var kept = claim.KeepAsync(keeping.Token);
        try
        {
            await invoker.InvokeAsync(watch.Function, blob, bindingData, cancellationToken);
            await StopAsync(keeping, kept);
            await claim.CompleteAsync(cancellationToken);
            return attempts with { Count = attempts.Count + 1, Finished = true };
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await StopAsync(keeping, kept);
            await claim.ReleaseAsync(cancellationToken);
            var count = attempts.Count + 1;
            var givingUp = count >= options.Value.MaxBlobAttempts;
            LogInvocationFailed(logger, ex, watch.Function.Name, blob.Name, count, givingUp);
            return attempts with
            {
                Count = count,
                Finished = givingUp,
                NotBefore = time.GetUtcNow() + TimeSpan.FromSeconds(Math.Pow(2, count - 1)),
            };
        }
    }

    private static async Task StopAsync(CancellationTokenSource keeping, Task kept)
    {
        await keeping.CancelAsync();
        await kept;
    }

    /// <summary>This host's attempts at one blob version: how many failed, whether it is finished with it, when to try next.</summary>
    private sealed record Attempts(string ETag, int Count, bool Finished, DateTimeOffset NotBefore);

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

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "{Function} failed for {BlobName} (attempt {Attempt}; this host gives up: {GivingUp}, until it restarts)")]
    private static partial void LogInvocationFailed(ILogger logger, Exception exception, string function, string blobName, int attempt, bool givingUp);
}
