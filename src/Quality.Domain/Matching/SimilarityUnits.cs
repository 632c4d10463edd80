namespace Quality.Domain.Matching;

/// <summary>Similarities as exact integers: multiples of 10⁻⁹.</summary>
/// <remarks>
/// Matching compares totals of these integers, so whether two matchings tie does not depend on the order in which
/// floating-point terms were summed, and accumulators that add them merge in any order to the same bits. The grid is
/// decimal so that similarities written with up to nine decimals (hand cases, rounded exports) tie exactly when their
/// decimal sums do: 0.7 + 0.9 and 1.0 + 0.6 are both 1 600 000 000 units, though not equal as doubles rounded to 2⁻⁴⁰.
/// A similarity in (0, 1] becomes 1 … 10⁹ units; a <see cref="long"/> holds the sum of 9·10⁹ of them.
/// </remarks>
internal static class SimilarityUnits
{
    public const double PerSimilarity = 1e9;

    public static long From(double similarity) => Math.Max(1L, (long)Math.Round(similarity * PerSimilarity));

    public static double ToSimilarity(Int128 units) => (double)units / PerSimilarity;
}
