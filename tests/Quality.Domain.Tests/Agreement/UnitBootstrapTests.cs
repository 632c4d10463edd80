using Quality.Domain.Agreement;

namespace Quality.Domain.Tests.Agreement;

public sealed class UnitBootstrapTests
{
    [Fact]
    public void Draw_ManyReplicates_DrawAllUnitsInProportionToTheMultiplicities()
    {
        long[] multiplicities = [1, 5, 30, 200, 4, 1000, 2];
        var bootstrap = new UnitBootstrap(multiplicities);
        var random = new SubtractiveGenerator(3);
        var counts = new long[multiplicities.Length];
        var sums = new double[multiplicities.Length];
        const int replicates = 4000;
        for (var b = 0; b < replicates; b++)
        {
            bootstrap.Draw(random, counts);
            Assert.Equal(multiplicities.Sum(), counts.Sum());
            for (var g = 0; g < counts.Length; g++)
            {
                sums[g] += counts[g];
            }
        }

        // E n_g = m_g; five standard errors of the mean, sd = sqrt(N p (1 − p)) ≤ sqrt(m_g).
        for (var g = 0; g < multiplicities.Length; g++)
        {
            var tolerance = 5 * Math.Sqrt(multiplicities[g] / (double)replicates);
            Assert.InRange(sums[g] / replicates, multiplicities[g] - tolerance, multiplicities[g] + tolerance);
        }
    }
}
