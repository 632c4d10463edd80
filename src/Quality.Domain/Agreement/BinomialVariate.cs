using System.Runtime.CompilerServices;
using MathNet.Numerics;

namespace Quality.Domain.Agreement;

/// <summary>Draws of a binomial variate Bin(n, p) from a seeded generator (<see cref="SubtractiveGenerator"/>, the uniforms of <see cref="Random(int)"/>), in O(1) expected time.</summary>
/// <remarks>
/// For p &gt; ½ the draw is n − Bin(n, 1 − p). When np &lt; 10, inversion by sequential search from
/// P(0) = (1 − p)ⁿ with P(k) = P(k − 1)·((n + 1)s/k − s), s = p/(1 − p) (Kachitvichyanukul &amp; Schmeiser 1988, BINV);
/// otherwise Hörmann's (1993) transformed rejection with squeeze, BTRS, "The generation of binomial random variates",
/// J. Statist. Comput. Simul. 46, 101–110. Both are exact up to floating point; the draws depend only on the generator's
/// sequence, so a seed gives the same variates on the same runtime.
/// </remarks>
internal static class BinomialVariate
{
    public static long Draw(SubtractiveGenerator random, long n, double p) => Draw(random, n, new BinomialProbability(p));

    /// <summary>A draw of Bin(<paramref name="n"/>, p) with p's constants computed beforehand: the same variate as <see cref="Draw(SubtractiveGenerator, long, double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long Draw(SubtractiveGenerator random, long n, in BinomialProbability p)
    {
        if (n == 0 || p.P <= 0)
        {
            return 0;
        }

        if (p.P >= 1)
        {
            return n;
        }

        var r = p.R;
        var drawn = n * r < 10 ? Inversion(random, n, p) : TransformedRejection(random, n, p);
        return p.Complemented ? n - drawn : drawn;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Inversion(SubtractiveGenerator random, long n, in BinomialProbability p)
    {
        var s = p.Odds;
        var a = (n + 1) * s;
        var p0 = Math.Exp(n * p.LogQ);
        while (true)
        {
            var u = random.NextDouble();
            var r = p0;
            long k = 0;
            while (u > r && k < n)
            {
                u -= r;
                k++;
                r *= a / k - s;
            }

            // Rounding can leave u above the whole mass; then draw again rather than bias the tail.
            if (u <= r)
            {
                return k;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long TransformedRejection(SubtractiveGenerator random, long n, in BinomialProbability probability)
    {
        var p = probability.R;
        var spq = Math.Sqrt(n * p * probability.Q);
        var b = 1.15 + 2.53 * spq;
        var a = -0.0873 + 0.0248 * b + 0.01 * p;
        var c = n * p + 0.5;
        var vr = 0.92 - 4.2 / b;

        // Most draws pass the squeeze; the log-factorial bound is computed only for those that do not.
        var alpha = double.NaN;
        double m = 0, h = 0;
        while (true)
        {
            var u = random.NextDouble() - 0.5;
            var v = random.NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Floor((2 * a / us + b) * u + c);
            if (k < 0 || k > n)
            {
                continue;
            }

            if (us >= 0.07 && v <= vr)
            {
                return (long)k;
            }

            if (double.IsNaN(alpha))
            {
                alpha = (2.83 + 5.1 / b) * spq;
                m = Floor((n + 1) * p);
                h = LogFactorial(m) + LogFactorial(n - m);
            }

            v = Math.Log(v * alpha / (a / (us * us) + b));
            if (v <= h - LogFactorial(k) - LogFactorial(n - k) + (k - m) * probability.LogOdds)
            {
                return (long)k;
            }
        }
    }

    /// <summary>
    /// <see cref="Math.Floor(double)"/>, bit for bit, without the call it compiles to natively (no SSE4.1 round
    /// instruction in the baseline the command is compiled for): below 2⁵² in magnitude through a truncating conversion.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Floor(double x)
    {
        if (!(Math.Abs(x) < 4503599627370496.0))
        {
            return x; // whole already, infinite or NaN
        }

        var truncated = (double)(long)x;
        return truncated > x ? truncated - 1 : Math.CopySign(truncated, x);
    }

    /// <summary>
    /// ln k!: lnΓ(k + 1) below <see cref="GammaTableSize"/>, else Stirling's series to the k⁻⁵ term (error below
    /// 1/(1680k⁷)), whose values below <see cref="TableSize"/> are computed once into the same table.
    /// </summary>
    /// <remarks>
    /// Only BTRS's acceptance test on the draws the squeeze does not decide reads it, but those are frequent enough that
    /// MathNet's general lnΓ (never optimised by the JIT within a one-shot command) was the bootstrap's largest cost. The
    /// mode m and the draw k are near n·p, mostly in the table; a tabled value is the series' own, so the draws do not change.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double LogFactorial(double k) => k < TableSize ? LogFactorials[(int)k] : Stirling(k);

    /// <summary>Stirling's series for ln k! to the k⁻⁵ term.</summary>
    internal static double Stirling(double k)
    {
        var r = 1 / k;
        var r2 = r * r;
        return ((k + 0.5) * Math.Log(k)) - k + HalfLogTwoPi + (r * ((1.0 / 12) - (r2 * ((1.0 / 360) - (r2 / 1260)))));
    }

    private const int GammaTableSize = 256;
    private const int TableSize = 4096;
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);
    private static readonly double[] LogFactorials = Enumerable.Range(0, TableSize)
        .Select(k => k < GammaTableSize ? SpecialFunctions.GammaLn(k + 1.0) : Stirling(k)).ToArray();
}
