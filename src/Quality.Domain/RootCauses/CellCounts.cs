using System.Runtime.InteropServices;
using Quality.Domain.Audit;

namespace Quality.Domain.RootCauses;

/// <summary>Errors and opportunities of one cell, in total and per annotator, with the first error rows as evidence.</summary>
internal sealed class CellCounts
{
    public long Errors { get; private set; }

    public long Opportunities { get; private set; }

    /// <summary>Per annotator; readers order it (ordinal) where order shows.</summary>
    public Dictionary<string, (long Errors, long Opportunities)> ByAnnotator { get; } = new(StringComparer.Ordinal);

    public List<EvidencePair> Examples { get; } = [];

    public void Add(EvidencePair row, bool isError, int examples)
    {
        Opportunities++;
        ref var annotator = ref CollectionsMarshal.GetValueRefOrAddDefault(ByAnnotator, row.Annotator, out _);
        annotator = (annotator.Errors + (isError ? 1 : 0), annotator.Opportunities + 1);
        if (isError)
        {
            Errors++;
            if (Examples.Count < examples)
            {
                Examples.Add(row);
            }
        }
    }

    /// <summary>A cell as stored (<see cref="StrataCellState"/>).</summary>
    public static CellCounts FromState(StrataCellState state)
    {
        var counts = new CellCounts { Errors = state.Errors, Opportunities = state.Opportunities };
        foreach (var (annotator, tally) in state.ByAnnotator)
        {
            counts.ByAnnotator[annotator] = (tally.Errors, tally.Opportunities);
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
            var (e, n) = ByAnnotator.GetValueOrDefault(annotator);
            ByAnnotator[annotator] = (e + errors, n + opportunities);
        }

        Examples.AddRange(other.Examples.Take(examples - Examples.Count));
    }
}
