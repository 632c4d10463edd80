using MathNet.Numerics;

namespace Quality.Domain.Findings;

/// <summary>Pearson's chi-square test of homogeneity of k binomial proportions (a k × 2 table).</summary>
/// <remarks>
/// With x_i errors of n_i opportunities, N = Σn_i, E = Σx_i and p = E/N, the expected errors are e_i = n_i·p and
/// X² = Σ_i (x_i − e_i)²/e_i + ((n_i − x_i) − (n_i − e_i))²/(n_i − e_i) = Σ_i (x_i − n_i p)²/(n_i p(1 − p)), df = k − 1
/// (Pearson 1900; Agresti, <i>Categorical Data Analysis</i>, 3rd ed., §3.2; R <c>chisq.test(correct = FALSE)</c>).
/// p = Q((k − 1)/2, X²/2), the regularised upper incomplete gamma. When an expected count is below 5 (Cochran 1954) the
/// asymptotic p is unreliable and <see cref="MonteCarloChiSquare"/> is used instead. Not defined (NaN) with fewer than
/// two annotators, or when E = 0 or E = N (a constant column: every annotator has the same rate, 0 or 1).
/// </remarks>
internal static class ChiSquareHomogeneity
{
    public const string Asymptotic = "chi-square";
    public const string MonteCarlo = "monte-carlo";

    public static HomogeneityTest Test(long[] errors, long[] opportunities, int replicates, Random random)
    {
        var k = errors.Length;
        long total = opportunities.Sum(), totalErrors = errors.Sum();
        var minimumExpected = MinimumExpected(opportunities, totalErrors, total);
        if (k < 2 || totalErrors == 0 || totalErrors == total)
        {
            return HomogeneityTest.NotDefined(k, minimumExpected);
        }

        var statistic = Statistic(errors, opportunities, totalErrors, total);
        if (minimumExpected >= 5)
        {
            var p = SpecialFunctions.GammaUpperRegularized((k - 1) / 2.0, statistic / 2);
            return new HomogeneityTest(Asymptotic, statistic, k - 1, p, double.NaN, 0, minimumExpected);
        }

        var pMonteCarlo = MonteCarloChiSquare.PValue(opportunities, totalErrors, statistic, replicates, random);
        return new HomogeneityTest(MonteCarlo, statistic, k - 1, pMonteCarlo, double.NaN, replicates, minimumExpected);
    }

    public static double Statistic(long[] errors, long[] opportunities, long totalErrors, long total)
    {
        var p = (double)totalErrors / total;
        var statistic = 0.0;
        for (var i = 0; i < errors.Length; i++)
        {
            var deviation = errors[i] - (opportunities[i] * p);
            statistic += deviation * deviation / (opportunities[i] * p * (1 - p));
        }

        return statistic;
    }

    private static double MinimumExpected(long[] opportunities, long totalErrors, long total)
    {
        if (total == 0)
        {
            return double.NaN;
        }

        var p = (double)totalErrors / total;
        return opportunities.Min(n => Math.Min(n * p, n * (1 - p)));
    }
}
