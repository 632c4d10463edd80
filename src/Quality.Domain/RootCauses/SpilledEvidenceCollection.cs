using System.Collections;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;

namespace Quality.Domain.RootCauses;

/// <summary>
/// The evidence rows of an audit, held on a stream instead of in memory: each row added is tallied by its strata (the
/// drill-down's first pass, <see cref="Strata"/>) and written to the stream; enumerating reads the rows back in the order
/// they were added, for the interaction pass (<see cref="RootCauseAnalysis.Analyse(StrataTally, IEnumerable{EvidencePair}, RootCauseOptions)"/>).
/// Memory is the tally's and the codec's table of repeated names, not the rows'. The rows can also be read in runs, each
/// from its own place in the stream, on several threads at once (<see cref="TallyRuns"/>).
/// </summary>
/// <remarks>
/// Rows read back are equal field for field to those written (doubles bit for bit, dictionaries in their order). Rows
/// are tallied and written on the thread pool, <see cref="RowsPerHandOff"/> at a time and in the order added, so the
/// thread that adds them (the audit's) does not wait for it; everything that reads the tally or the stream waits for
/// the rows added before. Not for concurrent use: rows are added by one thread, then read.
/// </remarks>
public sealed class SpilledEvidenceCollection : ICollection<EvidencePair>, IDisposable
{
    private readonly Stream _spill;
    private readonly RootCauseOptions _options;
    private EvidenceRowCodec.Writer _writer;
    private StrataTally _strata;

    /// <summary>The writer's position before row 0, <see cref="RowsPerCheckpoint"/>, 2 × that, …: where a run of rows can start.</summary>
    private readonly List<(long Offset, int Names)> _checkpoints = [];

    /// <summary>Rows added and not yet handed to <see cref="_writing"/>.</summary>
    private List<EvidencePair> _added = [];

    /// <summary>The rows handed off so far being tallied and written, one hand-off after another; faulted by the first row that failed.</summary>
    private Task _writing = Task.CompletedTask;

    /// <summary>Rows tallied and written so far.</summary>
    private int _written;

    /// <summary>Rows between two checkpoints: a run's least; a checkpoint costs 12 bytes.</summary>
    internal const int RowsPerCheckpoint = 4_096;

    /// <summary>Rows handed to the thread pool at a time: a few frames' outcomes.</summary>
    private const int RowsPerHandOff = 1_024;

    /// <param name="spill">An empty, seekable, readable and writable stream (a temporary file), disposed with this.</param>
    /// <param name="options">The drill-down's settings, as the analysis will be given them.</param>
    public SpilledEvidenceCollection(Stream spill, RootCauseOptions options)
    {
        ArgumentNullException.ThrowIfNull(spill);
        ArgumentNullException.ThrowIfNull(options);
        (_spill, _options) = (spill, options);
        _writer = new EvidenceRowCodec.Writer(spill);
        _strata = StrataTally.Strata(options);
    }

    /// <summary>The first pass's tally of every row added.</summary>
    public StrataTally Strata
    {
        get
        {
            Drain();
            return _strata;
        }
    }

    public int Count { get; private set; }

    public bool IsReadOnly => false;

    public void Add(EvidencePair item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _added.Add(item);
        Count++;
        if (_added.Count == RowsPerHandOff)
        {
            HandOff();
        }
    }

    /// <summary>Forgets every row: an audit that starts over.</summary>
    public void Clear()
    {
        Drain();
        _writer.Dispose();
        _spill.SetLength(0);
        _writer = new EvidenceRowCodec.Writer(_spill);
        _checkpoints.Clear();
        _strata = StrataTally.Strata(_options);
        (Count, _written) = (0, 0);
    }

    /// <summary>The rows added, read back from the stream in order.</summary>
    public IEnumerator<EvidencePair> GetEnumerator() => Read(0, Count, End()).Select(row => row.Row).GetEnumerator();

    /// <summary>
    /// The rows added, in at most <paramref name="count"/> runs of whole checkpoints (fewer when there are fewer), each
    /// adding its rows to the tally it is given: the runs one after the other are the rows in order, and each reads the
    /// stream on its own, so they may run on several threads at once. A row becomes an object only if the tally keeps it.
    /// </summary>
    internal IReadOnlyList<Action<StrataTally>> TallyRuns(int count)
    {
        var (end, runs) = (End(), Math.Clamp(count, 1, Math.Max(_checkpoints.Count, 1)));
        return [.. Enumerable.Range(0, runs).Select(run =>
        {
            var (first, last) = (_checkpoints.Count * run / runs, _checkpoints.Count * (run + 1) / runs);
            var rows = Math.Min(last * RowsPerCheckpoint, Count) - (first * RowsPerCheckpoint);
            return (Action<StrataTally>)(tally =>
            {
                foreach (var row in Read(first, rows, end))
                {
                    tally.Add(row);
                }
            });
        })];
    }

    /// <summary>Hands the rows added so far to the thread pool, after those handed before.</summary>
    private void HandOff()
    {
        var rows = _added;
        _added = new List<EvidencePair>(RowsPerHandOff);
        _writing = _writing.ContinueWith(
            written =>
            {
                written.GetAwaiter().GetResult(); // a failed hand-off fails every later one
                foreach (var row in rows)
                {
                    if (_written % RowsPerCheckpoint == 0)
                    {
                        _checkpoints.Add(_writer.Position);
                    }

                    _strata.Add(row);
                    _writer.Write(row);
                    _written++;
                }
            },
            CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>Waits until every row added is tallied and written; throws what failed.</summary>
    private void Drain()
    {
        if (_added.Count > 0)
        {
            HandOff();
        }

        _writing.GetAwaiter().GetResult();
    }

    /// <summary>Flushes the rows written and returns where the writer is.</summary>
    private long End()
    {
        Drain();
        _writer.Flush();
        lock (_spill)
        {
            return _spill.Position;
        }
    }

    /// <summary>
    /// <paramref name="rows"/> rows from checkpoint <paramref name="checkpoint"/>, each read into the one reader returned
    /// for it; the stream is left at <paramref name="end"/> for the writer.
    /// </summary>
    private IEnumerable<EvidenceRowCodec.Reader> Read(int checkpoint, int rows, long end)
    {
        if (rows == 0)
        {
            yield break;
        }

        try
        {
            using var reader = new EvidenceRowCodec.Reader(_spill, _writer.Names, _checkpoints[checkpoint]);
            for (var row = 0; row < rows; row++)
            {
                reader.Next();
                yield return reader;
            }
        }
        finally
        {
            lock (_spill)
            {
                _spill.Position = end;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Contains(EvidencePair item) => Enumerable.Contains(this, item);

    public void CopyTo(EvidencePair[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        foreach (var row in this)
        {
            array[arrayIndex++] = row;
        }
    }

    /// <summary>Rows are appended only.</summary>
    public bool Remove(EvidencePair item) => throw new NotSupportedException("Evidence rows are appended only.");

    public void Dispose()
    {
        _writing.ContinueWith(_ => { }, TaskScheduler.Default).Wait(); // what failed was raised where rows were read, if ever
        _writer.Dispose();
        _spill.Dispose();
    }
}
