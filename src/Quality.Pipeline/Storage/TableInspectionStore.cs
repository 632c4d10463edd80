using Azure;
using Azure.Data.Tables;
using Quality.Domain.Audit;
using Quality.Domain.Sampling;

namespace Quality.Pipeline.Storage;

/// <summary>
/// The <c>inspection</c> table: where each vendor's lots stand in the switching rules, per pipeline. One partition per
/// (pipeline, vendor), <c>{pipeline}|{vendor}</c>: the row <c>state</c> holds the <see cref="InspectionState"/> (without its
/// history) and one row per decided lot, <c>lot-{batchId}</c>, holds how it was decided. A lot is applied once: its row
/// and the new state are written in one transaction under the state's ETag, so a redelivered finalize cannot advance
/// the state twice, and two lots decided together are applied one after the other.
/// </summary>
public sealed class TableInspectionStore(StorageClients storage)
{
    private const string StateRow = "state";
    private const string LotPrefix = "lot-";
    private const int MaxAttempts = 10;

    private readonly TableClient _table = storage.Table(storage.Names.Inspection);

    /// <summary>The vendor's state and decided lots in order, or null before its first lot is decided.</summary>
    public async Task<VendorInspection?> GetAsync(string pipeline, string vendor, CancellationToken cancellationToken)
    {
        var (state, _, lots) = await ReadAsync(pipeline, vendor, cancellationToken);
        return state is null ? null : new VendorInspection(pipeline, vendor, state with { History = [.. lots.Select(l => l.Record).OfType<InspectionRecord>()] }, lots);
    }

    /// <summary>
    /// Applies a decided lot: the state advances by the switching rules (from <paramref name="initial"/> for the vendor's
    /// first lot) unless inspection is discontinued, when the lot is recorded without a switching record. A lot already
    /// applied is left as it was: the result says so.
    /// </summary>
    public async Task<(VendorInspection Inspection, DecidedLot Lot, bool AlreadyDecided)> ApplyAsync(
        string pipeline, string vendor, InspectionState initial, DecidedLot lot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(lot);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (state, etag, lots) = await ReadAsync(pipeline, vendor, cancellationToken);
            if (lots.FirstOrDefault(l => l.Batch == lot.Batch) is { } decided)
            {
                return (Inspect(pipeline, vendor, state!, lots), decided, true);
            }

            var current = (state ?? initial) with { History = [.. lots.Select(l => l.Record).OfType<InspectionRecord>()] };
            var next = current.IsDiscontinued ? current : current.Next(lot.Outcome);
            var applied = lot with { Number = lots.Count + 1, Record = current.IsDiscontinued ? null : next.History[^1] };
            var partition = Partition(pipeline, vendor);
            var stateEntity = new TableEntity(partition, StateRow) { ["Json"] = ReportJson.Serialize(next with { History = [] }) };
            var lotEntity = new TableEntity(partition, LotPrefix + lot.Batch) { ["Json"] = ReportJson.Serialize(applied), ["Number"] = applied.Number };
            TableTransactionAction[] actions =
            [
                etag is { } tag ? new(TableTransactionActionType.UpdateReplace, stateEntity, tag) : new(TableTransactionActionType.Add, stateEntity),
                new(TableTransactionActionType.Add, lotEntity),
            ];
            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken);
                return (Inspect(pipeline, vendor, next, [.. lots, applied]), applied, false);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another lot of this vendor was applied first, or this one was: read again.
            }
        }

        throw new InvalidOperationException($"The inspection state of {vendor} on {pipeline} kept changing under {MaxAttempts} attempts to apply lot {lot.Batch}.");
    }

    /// <summary>
    /// Changes the state outside the lots — resuming after corrective action, approving or withdrawing reduced inspection —
    /// under its ETag; a vendor without a state starts from <paramref name="initial"/>. The change may throw
    /// <see cref="InvalidOperationException"/> (resuming an inspection that is not discontinued); nothing is written then.
    /// </summary>
    public async Task<VendorInspection> ChangeAsync(
        string pipeline, string vendor, InspectionState initial, Func<InspectionState, InspectionState> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (state, etag, lots) = await ReadAsync(pipeline, vendor, cancellationToken);
            var changed = change(state ?? initial);
            var entity = new TableEntity(Partition(pipeline, vendor), StateRow) { ["Json"] = ReportJson.Serialize(changed with { History = [] }) };
            try
            {
                if (etag is { } tag)
                {
                    await _table.UpdateEntityAsync(entity, tag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await _table.AddEntityAsync(entity, cancellationToken);
                }

                return Inspect(pipeline, vendor, changed, lots);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // A lot was applied meanwhile: change the state as it is now.
            }
        }

        throw new InvalidOperationException($"The inspection state of {vendor} on {pipeline} kept changing under {MaxAttempts} attempts to change it.");
    }

    private static VendorInspection Inspect(string pipeline, string vendor, InspectionState state, IReadOnlyList<DecidedLot> lots) =>
        new(pipeline, vendor, state with { History = [.. lots.Select(l => l.Record).OfType<InspectionRecord>()] }, lots);

    private async Task<(InspectionState? State, ETag? ETag, List<DecidedLot> Lots)> ReadAsync(string pipeline, string vendor, CancellationToken cancellationToken)
    {
        InspectionState? state = null;
        ETag? etag = null;
        var lots = new List<DecidedLot>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition(pipeline, vendor), cancellationToken: cancellationToken))
        {
            if (row.RowKey == StateRow)
            {
                (state, etag) = (ReportJson.Deserialize<InspectionState>(row.GetString("Json")), row.ETag);
            }
            else if (row.RowKey.StartsWith(LotPrefix, StringComparison.Ordinal))
            {
                lots.Add(ReportJson.Deserialize<DecidedLot>(row.GetString("Json")));
            }
        }

        return (state, etag, [.. lots.OrderBy(l => l.Number)]);
    }

    private static string Partition(string pipeline, string vendor) => $"{pipeline}|{vendor}";
}
