namespace Quality.Domain.Matching;

/// <summary>
/// The working storage of one matching after another (<see cref="MaximumWeightMatching"/>, <see cref="GoldComparison"/>,
/// <see cref="DetectionAgreement"/>), owned by a caller that matches item after item on one thread: it grows to the
/// largest item and is then reused, so an audit's frames allocate no per-matching arrays. Each call overwrites it.
/// </summary>
internal sealed class MatchingScratch
{
    private int[] _roots = [];
    private int[] _componentSize = [];
    private int[] _leftOfRight = [];

    /// <summary>The pairs that reach their thresholds, as a comparison gathers them before matching.</summary>
    public List<ScoredPair> Eligible { get; } = [];

    /// <summary>The last matching's pairs, in ascending left index.</summary>
    public List<ScoredPair> Matched { get; } = [];

    public DisjointSets Components { get; } = new(0);

    /// <summary>Each pair's component root, for <paramref name="pairs"/> pairs (contents undefined).</summary>
    public Span<int> Roots(int pairs) => Grown(ref _roots, pairs);

    /// <summary>Zeroed counts for <paramref name="elements"/> elements.</summary>
    public Span<int> ComponentSizes(int elements)
    {
        var sizes = Grown(ref _componentSize, elements);
        sizes.Clear();
        return sizes;
    }

    /// <summary>The last matching's left of each of <paramref name="rights"/> rights, −1 when unmatched.</summary>
    public ReadOnlySpan<int> LeftOfRight(int rights)
    {
        var leftOf = Grown(ref _leftOfRight, rights);
        leftOf.Fill(-1);
        foreach (var pair in Matched)
        {
            leftOf[pair.Right] = pair.Left;
        }

        return leftOf;
    }

    private static Span<int> Grown(ref int[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new int[Math.Max(length, 2 * buffer.Length)];
        }

        return buffer.AsSpan(0, length);
    }
}
