using Quality.Domain.Agreement;

namespace Quality.Domain.Tests.Agreement;

public sealed class AgreementSuiteTests
{
    /// <summary>
    /// Few annotators (pairs found in a table by rank) and many (pairs hashed): every pair that rated a unit together is
    /// listed once, in ordinal order of the names, with the units both rated and Cohen's kappa of their values on those.
    /// </summary>
    [Theory]
    [InlineData(4)]
    [InlineData(90)]
    [InlineData(91)]
    [InlineData(130)]
    public void Compute_Pairwise_EveryPairThatMetWithItsUnitsAndKappa(int annotators)
    {
        var random = new Random(annotators);
        var units = Enumerable.Range(0, 600).Select(_ =>
        {
            var truth = random.Next(3);
            return Enumerable.Range(0, 2 + random.Next(3))
                .Select(_ => random.Next(annotators)).Distinct()
                .Select(a => new Rating($"r{a}", $"{(random.NextDouble() < 0.8 ? truth : random.Next(3))}")).ToList();
        }).ToList();

        var suite = AgreementSuite.Compute(ReliabilityData.FromUnits(units), MeasurementLevel.Nominal, null, new BootstrapOptions { Seed = 1, Replicates = 20 });

        var expected = units
            .SelectMany(u => u.SelectMany(x => u.Where(y => string.CompareOrdinal(x.Annotator, y.Annotator) < 0).Select(y => (A: x, B: y))))
            .GroupBy(p => (p.A.Annotator, p.B.Annotator))
            .OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Item2, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected.Select(g => (g.Key.Item1, g.Key.Item2, (long)g.Count())), suite.Pairwise.Select(p => (p.A, p.B, p.Units)));
        foreach (var (pair, agreement) in expected.Zip(suite.Pairwise))
        {
            var kappa = Kappa(pair.Select(p => (p.A.Value, p.B.Value)).ToList());
            if (double.IsNaN(kappa))
            {
                Assert.False(agreement.Kappa.Defined);
            }
            else
            {
                Assert.Equal(kappa, agreement.Kappa.Coefficient, 1e-12);
            }
        }
    }

    /// <summary>Cohen's kappa written out: (p_o − p_e)/(1 − p_e) with p_e from the two raters' own marginals; NaN when p_e is 1.</summary>
    private static double Kappa(List<(string A, string B)> pairs)
    {
        var n = (double)pairs.Count;
        var observed = pairs.Count(p => p.A == p.B) / n;
        var chance = pairs.Select(p => p.A).Concat(pairs.Select(p => p.B)).Distinct()
            .Sum(c => pairs.Count(p => p.A == c) / n * (pairs.Count(p => p.B == c) / n));
        return chance == 1 ? double.NaN : (observed - chance) / (1 - chance);
    }
}
