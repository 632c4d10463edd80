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
        return state is null ? null : new VendorInspection(pipeline, vendor, state, lots);
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
                return (new VendorInspection(pipeline, vendor, state!, lots), decided, true);
            }

            var current = state ?? initial;
            var next = current.IsDiscontinued ? current : current.Next(lot.Outcome);
            var applied = lot with { Number = lots.Count + 1, Record = current.IsDiscontinued ? null : next.History[^1] };
            if (await TrySaveAsync(pipeline, vendor, next, etag, applied, cancellationToken))
            {
                return (new VendorInspection(pipeline, vendor, next, [.. lots, applied]), applied, false);
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
            if (await TrySaveAsync(pipeline, vendor, changed, etag, null, cancellationToken))
            {
                return new VendorInspection(pipeline, vendor, changed, lots);
            }
        }

        throw new InvalidOperationException($"The inspection state of {vendor} on {pipeline} kept changing under {MaxAttempts} attempts to change it.");
    }

    /// <summary>
    /// Writes the state (without its history, which the lot rows hold) under the ETag it was read with, and the lot's row if
    /// any, in one transaction; false when another writer came first (the state changed, or the lot's row exists).
    /// </summary>
    private async Task<bool> TrySaveAsync(string pipeline, string vendor, InspectionState state, ETag? etag, DecidedLot? lot, CancellationToken cancellationToken)
    {
        var partition = Partition(pipeline, vendor);
        var stateEntity = new TableEntity(partition, StateRow) { ["Json"] = ReportJson.Serialize(state with { History = [] }) };
        List<TableTransactionAction> actions =
        [
            etag is { } tag ? new(TableTransactionActionType.UpdateReplace, stateEntity, tag) : new(TableTransactionActionType.Add, stateEntity),
        ];
        if (lot is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(partition, LotPrefix + lot.Batch) { ["Json"] = ReportJson.Serialize(lot), ["Number"] = lot.Number }));
        }

        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>The state with its history (the decided lots' switching records, in order), its ETag, and the lots.</summary>
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

        lots.Sort((a, b) => a.Number.CompareTo(b.Number));
        return (state is null ? null : state with { History = [.. lots.Select(l => l.Record).OfType<InspectionRecord>()] }, etag, lots);
    }

    private static string Partition(string pipeline, string vendor) => $"{pipeline}|{vendor}";
}
