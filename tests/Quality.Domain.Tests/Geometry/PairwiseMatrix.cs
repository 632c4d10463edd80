namespace Quality.Domain.Tests.Geometry;

/// <summary>Checks a measure over every pair (first[i], second[j]) against a published matrix.</summary>
internal static class PairwiseMatrix
{
    public static void AssertEqual<T>(double[][] expected, T[] first, T[] second, Func<T, T, double> measure, double tolerance)
    {
        Assert.Equal(first.Length, expected.Length);
        for (var i = 0; i < first.Length; i++)
        {
            Assert.Equal(second.Length, expected[i].Length);
            for (var j = 0; j < second.Length; j++)
            {
                var actual = measure(first[i], second[j]);
                Assert.True(Math.Abs(actual - expected[i][j]) <= tolerance, $"[{i},{j}] expected {expected[i][j]} ±{tolerance}, got {actual:R}");
            }
        }
    }
}
