using Quality.Domain.Audit;
using Quality.Domain.Findings;

namespace Quality.Pipeline.Monitoring;

/// <summary>
/// A pipeline's error history as running aggregates: per error type the errors so far, per subject the opportunities
/// so far (gold objects of a class for <c>confusion</c> and <c>miss</c>, annotations checked for <c>rule</c>), and the
/// pooled counts of the last <see cref="Window"/> batches applied. Finalize reads this one record instead of every
/// earlier batch's counts, so its cost does not grow with the number of past deliveries.
/// </summary>
/// <remarks>
/// <para>
/// Totals are in completion order; a batch's history is the deliveries that arrived before it (delivery time, then batch
/// id), whatever order they finished in. <see cref="Before"/> takes the totals and subtracts the batches of the recent
/// window that are not earlier (the batch itself and any later delivery that finished first). A later delivery that
/// finished more than <see cref="Window"/> completions before the batch would stay counted: a delay no run has here.
/// </para>
/// <para>
/// The confusion trend's CUSUM needs each delivery's counts: it runs over the window (the baseline p₀ of
/// <see cref="ConfusionTrend"/> is then the window's earlier deliveries). With at most <see cref="Window"/> + 1
/// deliveries this is exactly the history a full read gives.
/// </para>
/// </remarks>
public sealed class ErrorTotals
{
    /// <summary>How many recent batches keep their own counts, for the trend and for delivery order.</summary>
    public const int Window = 50;

    private readonly Dictionary<(string Group, string Subject), long> _opportunities = [];
    private readonly Dictionary<(string Kind, string Subject, string? LabeledAs), long> _errors = [];
    private readonly List<ErrorTotalsBatch> _recent = [];

    /// <summary>Batches applied so far.</summary>
    public long Batches { get; private set; }

    /// <summary>The recent batches, oldest applied first.</summary>
    public IReadOnlyList<ErrorTotalsBatch> Recent => _recent;

    /// <summary>Adds one completed batch's counts. The caller makes sure a batch is applied once (the store's marker).</summary>
    public void Apply(SeriesBatch batch, BatchErrorCounts errors)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(errors);
        var counts = ErrorTotalsBatch.Of(batch, errors);
        Add(counts, sign: 1);
        _recent.Add(counts);
        if (_recent.Count > Window)
        {
            _recent.RemoveAt(0);
        }

        Batches++;
    }

    /// <summary>Drops the oldest recent batch's own counts (its share of the totals stays): what keeps the record within a table row.</summary>
    public void ForgetOldestRecent()
    {
        if (_recent.Count > 0)
        {
            _recent.RemoveAt(0);
        }
    }

    /// <summary>The history of <paramref name="batch"/>: the totals of the deliveries that arrived before it.</summary>
    public ErrorHistory Before(SeriesBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var earlier = new ErrorTotals();
        foreach (var (key, count) in _opportunities)
        {
            earlier._opportunities[key] = count;
        }

        foreach (var (key, count) in _errors)
        {
            earlier._errors[key] = count;
        }

        foreach (var recent in _recent)
        {
            if (recent.IsEarlierThan(batch))
            {
                earlier._recent.Add(recent);
            }
            else
            {
                earlier.Add(recent, sign: -1);
            }
        }

        earlier._recent.Sort((a, b) => a.DeliveredTicks != b.DeliveredTicks
            ? a.DeliveredTicks.CompareTo(b.DeliveredTicks) : string.CompareOrdinal(a.BatchId, b.BatchId));
        return new ErrorHistory(earlier);
    }

    /// <summary>The history of <paramref name="batch"/> from every earlier batch's stored counts, in delivery order.</summary>
    public static ErrorHistory Of(SeriesBatch batch, IEnumerable<StoredErrorCounts> earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var totals = new ErrorTotals();
        foreach (var stored in earlier)
        {
            totals.Apply(new SeriesBatch(batch.Pipeline, stored.Vendor, stored.BatchId, stored.DeliveredTime, stored.Phase), stored.Errors);
        }

        return totals.Before(batch);
    }

    public ErrorTotalsState ToState() => new(
        Batches,
        [.. _opportunities.OrderBy(o => o.Key.Group, StringComparer.Ordinal).ThenBy(o => o.Key.Subject, StringComparer.Ordinal)
            .Select(o => new SubjectCount(o.Key.Group, o.Key.Subject, o.Value))],
        [.. _errors.OrderBy(e => e.Key.Kind, StringComparer.Ordinal).ThenBy(e => e.Key.Subject, StringComparer.Ordinal).ThenBy(e => e.Key.LabeledAs, StringComparer.Ordinal)
            .Select(e => new TypeCount(e.Key.Kind, e.Key.Subject, e.Key.LabeledAs, e.Value))],
        _recent);

    public static ErrorTotals FromState(ErrorTotalsState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var totals = new ErrorTotals { Batches = state.Batches };
        foreach (var o in state.Opportunities)
        {
            totals._opportunities[(o.Group, o.Subject)] = o.Count;
        }

        foreach (var e in state.Errors)
        {
            totals._errors[(e.Kind, e.Subject, e.LabeledAs)] = e.Count;
        }

        totals._recent.AddRange(state.Recent);
        return totals;
    }

    internal long Opportunities(string kind, string subject) => _opportunities.GetValueOrDefault(ErrorTotalsBatch.OpportunityKey(kind, subject));

    internal long Errors(string kind, string subject, string? labeledAs) => _errors.GetValueOrDefault((kind, subject, labeledAs));

    private void Add(ErrorTotalsBatch batch, long sign)
    {
        foreach (var o in batch.Opportunities)
        {
            _opportunities[(o.Group, o.Subject)] = _opportunities.GetValueOrDefault((o.Group, o.Subject)) + (sign * o.Count);
        }

        foreach (var e in batch.Errors)
        {
            _errors[(e.Kind, e.Subject, e.LabeledAs)] = _errors.GetValueOrDefault((e.Kind, e.Subject, e.LabeledAs)) + (sign * e.Count);
        }
    }
}
