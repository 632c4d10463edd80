using MathNet.Numerics;

namespace Quality.Domain.Findings;

/// <summary>Fisher's exact test on a 2 × 2 table, one-sided: is the first row's rate above the second's?</summary>
/// <remarks>
/// Rows (a, n₁ − a) and (b, n₂ − b). Conditional on the margins, a ~ Hypergeometric(N = n₁ + n₂, K = a + b, n₁), and
/// p = P(X ≥ a) = Σ_{x ≥ a} C(K, x)·C(N − K, n₁ − x)/C(N, n₁) (Fisher 1935; Agresti §3.5.1; R
/// <c>fisher.test(alternative = "greater")</c>). Summed term by term in log space (ln C through ln Γ), so the tail is
/// accurate far below 1 − CDF. Exact and conservative for any counts; no minimum sample size. An empty row gives p = 1.
/// </remarks>
internal static class FisherExactTest
{
    public static double UpperTail(long a, long n1, long b, long n2)
    {
        if (n1 == 0 || n2 == 0)
        {
            return 1;
        }

        double total = n1 + n2, successes = a + b;
        var logDenominator = LogChoose(total, n1);
        var first = Math.Max(a, (long)Math.Max(0, n1 - (total - successes)));
        var last = (long)Math.Min(successes, n1);
        // ln Γ(n + 1) of the two fixed n's once, not per term: a third of the ln Γ calls, the same sums bit for bit.
        var (logSuccesses, logFailures) = (LogFactorial(successes), LogFactorial(total - successes));
        // The terms rise to the distribution's mode and fall after it; see Underflows.
        var mode = Math.Floor((n1 + 1.0) * (successes + 1) / (total + 2));
        var p = 0.0;
        for (var x = first; x <= last; x++)
        {
            var logTerm = LogChoose(logSuccesses, successes, x) + LogChoose(logFailures, total - successes, n1 - x) - logDenominator;
            if (logTerm < Underflows && x > mode)
            {
                break;
            }

            p += Math.Exp(logTerm);
        }

        return Math.Clamp(p, 0, 1);
    }

    /// <summary>
    /// A log term whose exp is exactly 0 with room to spare (the smallest double is e^−744.4; exp gives 0 below
    /// −745.13). Past the mode each term is at most the one before, so once one is below this every later one is 0
    /// too (their logs' rounding, ~1e−8 at a million opportunities, is far inside the margin) and the sum is final: the
    /// same p bit for bit, without the rest of the tail, each term through the C library's slow path for an underflow.
    /// </summary>
    private const double Underflows = -746;

    internal static double LogChoose(double n, double k) => LogChoose(LogFactorial(n), n, k);

    /// <summary>ln C(n, k) given <paramref name="logGammaOfNPlusOne"/> = ln Γ(n + 1).</summary>
    private static double LogChoose(double logGammaOfNPlusOne, double n, double k) =>
        logGammaOfNPlusOne - LogFactorial(k) - LogFactorial(n - k);

    /// <summary>Log-factorials held at most: 8 MB, tables of up to a million opportunities.</summary>
    private const int MaxLogFactorials = 1 << 20;

    /// <summary>ln n! = ln Γ(n + 1) for n = 0, 1, …: grown on demand, shared by every thread (a reader sees an old or a new array, equal where both reach).</summary>
    private static double[] s_logFactorials = [];

    /// <summary>
    /// ln Γ(<paramref name="n"/> + 1): for a whole n ≥ 0 from a table of earlier <see cref="SpecialFunctions.GammaLn"/> results
    /// (the same value bit for bit), so a table's terms cost a look-up, not a ln Γ each. Past the table, or for any other
    /// n, ln Γ itself.
    /// </summary>
    internal static double LogFactorial(double n)
    {
        var table = s_logFactorials;
        if (n >= 0 && n < table.Length && n == Math.Floor(n))
        {
            return table[(int)n];
        }

        if (n < 0 || n >= MaxLogFactorials || n != Math.Floor(n))
        {
            return SpecialFunctions.GammaLn(n + 1);
        }

        s_logFactorials = Grown(table, n, parallel: false);
        return s_logFactorials[(int)n];
    }

    /// <summary>
    /// Fills the table of <see cref="LogFactorial"/> up to <paramref name="n"/> (as far as it goes) on every core: a family of
    /// tests on tables of up to n opportunities then looks its terms up, instead of each worker filling the table itself.
    /// </summary>
    internal static void Reserve(long n)
    {
        var table = s_logFactorials;
        if (n >= table.Length && table.Length < MaxLogFactorials)
        {
            s_logFactorials = Grown(table, n, parallel: true);
        }
    }

    /// <summary>
    /// <paramref name="table"/> grown to hold <paramref name="n"/> (at least doubled, at most the table's million), each new
    /// entry its own ln Γ: in blocks on every core when <paramref name="parallel"/>, the same values.
    /// </summary>
    internal static double[] Grown(double[] table, double n, bool parallel)
    {
        var grown = new double[(int)Math.Min(MaxLogFactorials, Math.Max(n + 1, 2.0 * table.Length))];
        table.CopyTo(grown, 0);
        const int Block = 4_096;
        var blocks = (grown.Length - table.Length + Block - 1) / Block;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = parallel ? -1 : 1 }, block =>
        {
            for (var k = table.Length + (block * Block); k < Math.Min(grown.Length, table.Length + ((block + 1) * Block)); k++)
            {
                grown[k] = SpecialFunctions.GammaLn(k + 1.0);
            }
        });
        return grown;
    }
}
