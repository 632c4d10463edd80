using System.Diagnostics;
using Azure;
using Azure.Data.Tables;

namespace Quality.Pipeline.Storage;

/// <summary>
/// Whether storage answers and holds every container and table the app uses: one cheap request each, all at once,
/// bounded by a timeout so a storage account that does not answer makes an unhealthy report, not a hung one.
/// </summary>
public sealed class StorageProbe(StorageClients storage)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<StorageReport> ProbeAsync(CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Timeout);
        var started = Stopwatch.GetTimestamp();
        var checks = storage.Names.Containers.Select(c => CheckAsync(c, "container", async ct => (await storage.Container(c).ExistsAsync(ct)).Value, bounded.Token))
            .Concat(storage.Names.Tables.Select(t => CheckAsync(t, "table", ct => TableExistsAsync(storage.Table(t), ct), bounded.Token)));
        var problems = (await Task.WhenAll(checks)).OfType<StorageProblem>().ToList();
        cancellationToken.ThrowIfCancellationRequested();
        return new StorageReport(problems, Stopwatch.GetElapsedTime(started));
    }

    private static async Task<StorageProblem?> CheckAsync(string name, string kind, Func<CancellationToken, Task<bool>> exists, CancellationToken cancellationToken)
    {
        try
        {
            return await exists(cancellationToken) ? null : new StorageProblem(name, kind, "does not exist");
        }
        catch (RequestFailedException ex)
        {
            return new StorageProblem(name, kind, $"storage answered {ex.Status} {ex.ErrorCode}".TrimEnd());
        }
        catch (OperationCanceledException)
        {
            return new StorageProblem(name, kind, $"no answer within {Timeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is AggregateException or HttpRequestException or IOException)
        {
            return new StorageProblem(name, kind, "storage is unreachable (" + ex.GetType().Name + ")");
        }
    }

    private static async Task<bool> TableExistsAsync(TableClient table, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }
}

/// <summary>What the probe found: nothing wrong when <see cref="Problems"/> is empty.</summary>
public sealed record StorageReport(IReadOnlyList<StorageProblem> Problems, TimeSpan Elapsed)
{
    public bool Healthy => Problems.Count == 0;
}

/// <summary>One container or table that is missing or did not answer, and how.</summary>
public sealed record StorageProblem(string Name, string Kind, string Problem);
