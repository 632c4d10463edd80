namespace Quality.Domain.Matching;

/// <summary>
/// The input and working storage of one consensus clustering after another (<see cref="ConsensusClustering"/>), owned
/// by a caller that clusters item after item on one thread: it grows to the largest item and is then reused.
/// </summary>
internal sealed class ConsensusScratch
{
    /// <summary>The item's observations, numbered in ordinal order of annotator, then by index; filled by the caller.</summary>
    public List<Observation> Observations { get; } = [];

    /// <summary>The pairs of observation numbers x &lt; y that can be similar, each once, in any order; filled by the caller.</summary>
    public List<(int X, int Y)> Candidates { get; } = [];

    internal Dictionary<(int, int), long> Edges { get; } = [];

    internal DisjointSets Components { get; } = new(0);

    internal List<int> ComponentElements { get; } = [];

    internal List<int> ComponentEnds { get; } = [];

    internal List<(int First, ConsensusObject Object)> Objects { get; } = [];
}
