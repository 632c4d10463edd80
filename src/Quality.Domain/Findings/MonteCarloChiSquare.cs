using MathNet.Numerics.Distributions;

namespace Quality.Domain.Findings;

/// <summary>The Monte Carlo p-value of Pearson's X² on a k × 2 table with both margins fixed.</summary>
/// <remarks>
/// Under homogeneity and conditional on the margins, the errors fall on the opportunities like E balls drawn without
/// replacement from N, so a table is a multivariate hypergeometric draw. It is drawn sequentially:
/// x_1 ~ H(N, E, n_1), x_2 ~ H(N − n_1, E − x_1, n_2), …, the last annotator gets the rest — O(k·min(E, n)) per table
/// whatever N. p = (1 + #{X²_b ≥ X²_obs})/(B + 1) (Davison &amp; Hinkley 1997, §4.2.1; Hope 1968), as R's
/// <c>chisq.test(simulate.p.value = TRUE)</c>, which also compares with X²_obs·(1 − 64ε) so that ties equal in
/// exact arithmetic count. The p-value is never 0, and never below 1/(B + 1).
/// </remarks>
internal static class MonteCarloChiSquare
{
    // R's almost.1 = 1 − 64·.Machine$double.eps (machine ε = 2⁻⁵², not .NET's double.Epsilon).
    private const double AlmostOne = 1 - (64 * 2.220446049250313e-16);

    public static double PValue(long[] opportunities, long totalErrors, double observed, int replicates, Random random)
    {
        var total = opportunities.Sum();
        var table = new long[opportunities.Length];
        var atLeast = 0;
        for (var b = 0; b < replicates; b++)
        {
            Draw(opportunities, total, totalErrors, table, random);
            if (ChiSquareHomogeneity.Statistic(table, opportunities, totalErrors, total) >= observed * AlmostOne)
            {
                atLeast++;
            }
        }

        return (1.0 + atLeast) / (replicates + 1.0);
    }

    private static void Draw(long[] opportunities, long total, long totalErrors, long[] table, Random random)
    {
        long population = total, errorsLeft = totalErrors;
        for (var i = 0; i < table.Length - 1; i++)
        {
            table[i] = Errors(random, population, errorsLeft, opportunities[i]);
            population -= opportunities[i];
            errorsLeft -= table[i];
        }

        table[^1] = errorsLeft;
    }

    // H(population, errors, draws) is symmetric in errors and draws; the sampler costs O(draws), so draw the smaller.
    private static long Errors(Random random, long population, long errors, long draws)
    {
        var (successes, taken) = errors < draws ? (draws, errors) : (errors, draws);
        return taken == 0 ? 0 : Hypergeometric.Sample(random, checked((int)population), checked((int)successes), checked((int)taken));
    }
}
