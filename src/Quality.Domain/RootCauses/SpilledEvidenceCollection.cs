using System.Collections;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;

namespace Quality.Domain.RootCauses;

/// <summary>
/// The evidence rows of an audit, held on a stream instead of in memory: each row added is tallied by its strata (the
/// drill-down's first pass, <see cref="Strata"/>) and written to the stream; enumerating reads the rows back in the order
/// they were added, for the interaction pass (<see cref="RootCauseAnalysis.Analyse(StrataTally, IEnumerable{EvidencePair}, RootCauseOptions)"/>).
/// Memory is the tally's and the codec's table of repeated names, not the rows'.
/// </summary>
/// <remarks>
/// Rows read back are equal field for field to those written (doubles bit for bit, dictionaries in their order). Not
/// for concurrent use: rows are added by one thread, then read.
/// </remarks>
public sealed class SpilledEvidenceCollection : ICollection<EvidencePair>, IDisposable
{
    private readonly Stream _spill;
    private readonly RootCauseOptions _options;
    private EvidenceRowCodec.Writer _writer;

    /// <param name="spill">An empty, seekable, readable and writable stream (a temporary file), disposed with this.</param>
    /// <param name="options">The drill-down's settings, as the analysis will be given them.</param>
    public SpilledEvidenceCollection(Stream spill, RootCauseOptions options)
    {
        ArgumentNullException.ThrowIfNull(spill);
        ArgumentNullException.ThrowIfNull(options);
        (_spill, _options) = (spill, options);
        _writer = new EvidenceRowCodec.Writer(spill);
        Strata = StrataTally.Strata(options);
    }

    /// <summary>The first pass's tally of every row added.</summary>
    public StrataTally Strata { get; private set; }

    public int Count { get; private set; }

    public bool IsReadOnly => false;

    public void Add(EvidencePair item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Strata.Add(item);
        _writer.Write(item);
        Count++;
    }

    /// <summary>Forgets every row: an audit that starts over.</summary>
    public void Clear()
    {
        _writer.Dispose();
        _spill.SetLength(0);
        _writer = new EvidenceRowCodec.Writer(_spill);
        Strata = StrataTally.Strata(_options);
        Count = 0;
    }

    /// <summary>The rows added, read back from the stream in order.</summary>
    public IEnumerator<EvidencePair> GetEnumerator()
    {
        _writer.Flush();
        var end = _spill.Position;
        _spill.Position = 0;
        try
        {
            using var reader = new EvidenceRowCodec.Reader(_spill);
            for (var row = 0; row < Count; row++)
            {
                yield return reader.Read();
            }
        }
        finally
        {
            _spill.Position = end;
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
        _writer.Dispose();
        _spill.Dispose();
    }
}
