using Quality.Domain.Audit;

namespace Quality.Domain.RootCauses;

/// <summary>Errors and opportunities of one cell, in total and per annotator, with the first error rows as evidence.</summary>
/// <remarks>
/// A row is counted in every cell of its strata and kinds (some 25), each time for the same annotator: the annotators are
/// a short list searched from the one counted last (compared by reference first), not a string-hashed dictionary.
/// </remarks>
internal sealed class CellCounts
{
    /// <summary>Beyond this many annotators a cell indexes them by name instead of searching the list.</summary>
    private const int SearchedAnnotators = 8;

    private readonly List<string> _annotators = [];
    private (long Errors, long Opportunities)[] _counts = new (long, long)[4];
    private Dictionary<string, int>? _index;
    private int _last = -1;

    public long Errors { get; private set; }

    public long Opportunities { get; private set; }

    /// <summary>Per annotator, in the order each was first counted; readers order it (ordinal) where order shows.</summary>
    public IEnumerable<KeyValuePair<string, (long Errors, long Opportunities)>> ByAnnotator =>
        _annotators.Select((annotator, i) => KeyValuePair.Create(annotator, _counts[i]));

    public List<EvidencePair> Examples { get; } = [];

    public void Add<TRow>(TRow row, bool isError, int examples)
        where TRow : ITalliedRow
    {
        Opportunities++;
        var at = IndexOf(row.Annotator); // before _counts is read: it may grow
        ref var annotator = ref _counts[at];
        annotator = (annotator.Errors + (isError ? 1 : 0), annotator.Opportunities + 1);
        if (isError)
        {
            Errors++;
            if (Examples.Count < examples)
            {
                Examples.Add(row.Row);
            }
        }
    }

    /// <summary>A cell as stored (<see cref="StrataCellState"/>).</summary>
    public static CellCounts FromState(StrataCellState state)
    {
        var counts = new CellCounts { Errors = state.Errors, Opportunities = state.Opportunities };
        foreach (var (annotator, tally) in state.ByAnnotator)
        {
            var at = counts.IndexOf(annotator);
            counts._counts[at] = (tally.Errors, tally.Opportunities);
        }

        counts.Examples.AddRange(state.Examples);
        return counts;
    }

    /// <summary>Adds <paramref name="other"/>'s counts; its examples follow this one's (shard order), up to <paramref name="examples"/>.</summary>
    public void Merge(CellCounts other, int examples)
    {
        Errors += other.Errors;
        Opportunities += other.Opportunities;
        foreach (var (annotator, (errors, opportunities)) in other.ByAnnotator)
        {
            var at = IndexOf(annotator);
            ref var counts = ref _counts[at];
            counts = (counts.Errors + errors, counts.Opportunities + opportunities);
        }

        Examples.AddRange(other.Examples.Take(examples - Examples.Count));
    }

    /// <summary>The annotator's place in <see cref="_counts"/>, added (with no counts) when it has none.</summary>
    private int IndexOf(string annotator)
    {
        if (_last >= 0 && ReferenceEquals(_annotators[_last], annotator))
        {
            return _last;
        }

        var at = -1;
        if (_index is not null)
        {
            at = _index.GetValueOrDefault(annotator, -1);
        }
        else
        {
            // By identity first: a reader's rows share one instance of each annotator.
            for (var i = 0; i < _annotators.Count && at < 0; i++)
            {
                at = ReferenceEquals(_annotators[i], annotator) ? i : -1;
            }

            for (var i = 0; i < _annotators.Count && at < 0; i++)
            {
                at = string.Equals(_annotators[i], annotator, StringComparison.Ordinal) ? i : -1;
            }
        }

        if (at < 0)
        {
            at = _annotators.Count;
            _annotators.Add(annotator);
            if (at == _counts.Length)
            {
                Array.Resize(ref _counts, at * 2);
            }

            if (_index is not null || _annotators.Count > SearchedAnnotators)
            {
                _index ??= _annotators.Take(at).Select((a, i) => (a, i)).ToDictionary(p => p.a, p => p.i, StringComparer.Ordinal);
                _index.Add(annotator, at);
            }
        }

        return _last = at;
    }
}
