namespace Quality.Domain.Agreement;

/// <summary>Percent agreement over a field's <see cref="RatingPatterns"/>, the raw figure next to alpha.</summary>
/// <remarks>
/// The mean over units with m_u ≥ 2 values of the share of agreeing ordered annotator pairs,
/// p_a = (1/U)·Σ_u Σ_c n_uc(n_uc − 1)/(m_u(m_u − 1)) (Gwet 2014; irrCAC <c>pa.coeff.raw</c>), values compared as
/// ordinal strings. Summed pattern by pattern in canonical order, so shards merged in any order give the same bits.
/// </remarks>
public static class PercentAgreement
{
    /// <returns>NaN when no unit has two values.</returns>
    public static double Compute(RatingPatterns ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        double agreeing = 0;
        long units = 0;
        foreach (var (pattern, count) in ratings.Sorted())
        {
            long m = pattern.Ratings.Count;
            if (m < 2)
            {
                continue;
            }

            var pairs = pattern.Ratings.GroupBy(r => r.Value, StringComparer.Ordinal).Sum(g => (long)g.Count() * (g.Count() - 1));
            agreeing += count * (pairs / ((double)m * (m - 1)));
            units += count;
        }

        return units == 0 ? double.NaN : agreeing / units;
    }
}
