namespace Quality.Domain.Matching;

/// <summary>A one-to-one matching between <see cref="LeftCount"/> left and <see cref="RightCount"/> right objects.</summary>
public sealed class BipartiteMatching
{
    private readonly int[] _rightOfLeft;
    private readonly int[] _leftOfRight;
    private readonly ScoredPair[] _pairs;

    /// <param name="pairs">The matched pairs in ascending left index (as <see cref="MaximumWeightMatching"/> leaves them).</param>
    internal BipartiteMatching(int leftCount, int rightCount, IEnumerable<ScoredPair> pairs)
    {
        _rightOfLeft = new int[leftCount];
        _leftOfRight = new int[rightCount];
        Array.Fill(_rightOfLeft, -1);
        Array.Fill(_leftOfRight, -1);
        _pairs = [.. pairs];
        foreach (var pair in _pairs)
        {
            _rightOfLeft[pair.Left] = pair.Right;
            _leftOfRight[pair.Right] = pair.Left;
            TotalSimilarity += pair.Similarity;
        }
    }

    public int LeftCount => _rightOfLeft.Length;

    public int RightCount => _leftOfRight.Length;

    /// <summary>The matched pairs in ascending left index.</summary>
    public IReadOnlyList<ScoredPair> Pairs => _pairs;

    /// <summary>The sum of the matched pairs' similarities.</summary>
    public double TotalSimilarity { get; }

    /// <returns>The right object matched to <paramref name="left"/>, or −1 when it is unmatched.</returns>
    public int RightOf(int left) => _rightOfLeft[left];

    /// <returns>The left object matched to <paramref name="right"/>, or −1 when it is unmatched.</returns>
    public int LeftOf(int right) => _leftOfRight[right];

    public IEnumerable<int> UnmatchedLeft() => Enumerable.Range(0, LeftCount).Where(i => _rightOfLeft[i] < 0);

    public IEnumerable<int> UnmatchedRight() => Enumerable.Range(0, RightCount).Where(j => _leftOfRight[j] < 0);
}
