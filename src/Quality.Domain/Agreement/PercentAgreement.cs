namespace Quality.Domain.Agreement;

/// <summary>Percent agreement over a field's <see cref="RatingPatterns"/>, the raw figure next to alpha.</summary>
/// <remarks>
/// The mean over units with m_u ≥ 2 values of the share of agreeing ordered annotator pairs,
/// p_a = (1/U)·Σ_u Σ_c n_uc(n_uc − 1)/(m_u(m_u − 1)) (Gwet 2014; irrCAC <c>pa.coeff.raw</c>), values compared as
/// ordinal strings. The agreeing pairs are summed exactly per number of values m_u, so shards merged in any order
/// give the same bits.
/// </remarks>
public static class PercentAgreement
{
    /// <returns>NaN when no unit has two values.</returns>
    public static double Compute(RatingPatterns ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        // Σ_u pairs_u / (m_u(m_u − 1)) gathered exactly per m in integers, then divided: no order of patterns matters.
        var pairsByValues = new Dictionary<long, long>();
        long units = 0;
        var values = new List<int>();
        for (var p = 0; p < ratings.DistinctPatterns; p++)
        {
            var pattern = ratings.Pattern(p);
            long m = pattern.Length / 2;
            if (m < 2)
            {
                continue;
            }

            values.Clear();
            for (var i = 1; i < pattern.Length; i += 2)
            {
                values.Add(pattern[i]);
            }

            values.Sort();
            long pairs = 0, run = 1;
            for (var i = 1; i <= values.Count; i++)
            {
                if (i < values.Count && values[i] == values[i - 1])
                {
                    run++;
                    continue;
                }

                pairs += run * (run - 1);
                run = 1;
            }

            var count = ratings.UnitsOf(p);
            pairsByValues[m] = pairsByValues.GetValueOrDefault(m) + count * pairs;
            units += count;
        }

        double agreeing = 0;
        foreach (var (m, pairs) in pairsByValues.OrderBy(e => e.Key))
        {
            agreeing += pairs / ((double)m * (m - 1));
        }

        return units == 0 ? double.NaN : agreeing / units;
    }
}
