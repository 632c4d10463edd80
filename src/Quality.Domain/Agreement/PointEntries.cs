namespace Quality.Domain.Agreement;

/// <summary>
/// <see cref="PairableUnits"/>' entries (pattern, distinct point, count) regrouped point by point, each point's in
/// pattern order: entries <see cref="Start"/>[c] … <see cref="Start"/>[c + 1] − 1 are point c's.
/// </summary>
internal sealed class PointEntries
{
    public PointEntries(int points, int[] start, int[] entryPoints, long[] counts, long[] pairTerms, long[] values)
    {
        Start = new int[points + 1];
        foreach (var point in entryPoints)
        {
            Start[point + 1]++;
        }

        for (var c = 0; c < points; c++)
        {
            Start[c + 1] += Start[c];
        }

        (Pattern, Count, PairTerm, Divisor) = (new int[entryPoints.Length], new long[entryPoints.Length], new long[entryPoints.Length], new double[entryPoints.Length]);
        var next = Start[..^1];
        for (var p = 0; p + 1 < start.Length; p++)
        {
            for (var e = start[p]; e < start[p + 1]; e++)
            {
                var i = next[entryPoints[e]]++;
                (Pattern[i], Count[i], PairTerm[i], Divisor[i]) = (p, counts[e], pairTerms[e], values[p] - 1);
            }
        }
    }

    /// <summary>Per point c, where its entries start; one more entry marks the end.</summary>
    public int[] Start { get; }

    /// <summary>The entry's pattern.</summary>
    public int[] Pattern { get; }

    /// <summary>n_uc: the pattern's values at the point.</summary>
    public long[] Count { get; }

    /// <summary>2·n_uc·(m_u − n_uc).</summary>
    public long[] PairTerm { get; }

    /// <summary>m_u − 1.</summary>
    public double[] Divisor { get; }
}
