using MathNet.Numerics;
using Quality.Domain.Agreement;

namespace Quality.Domain.Tests.Agreement;

/// <summary>
/// <see cref="BinomialVariate"/> as it was before its per-p constants were computed once (main at e5552e4): every
/// constant computed per draw, <see cref="Math.Floor(double)"/>, p &gt; ½ by recursion, and
/// <see cref="UnitBootstrap"/>'s chain dividing per pattern. The draws of a seed may not change
/// (docs/statistics-conventions.md), so the tests hold the new code to this one draw for draw.
/// </summary>
internal static class BinomialVariateReference
{
    public static long Draw(SubtractiveGenerator random, long n, double p)
    {
        if (n == 0 || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return n;
        }

        if (p > 0.5)
        {
            return n - Draw(random, n, 1 - p);
        }

        return n * p < 10 ? Inversion(random, n, p) : TransformedRejection(random, n, p);
    }

    public static void Replicate(long[] multiplicities, SubtractiveGenerator random, long[] counts)
    {
        var total = multiplicities.Sum();
        var (draws, units) = (total, total);
        for (var g = 0; g < multiplicities.Length; g++)
        {
            var drawn = draws == 0 ? 0
                : multiplicities[g] == units ? draws
                : Draw(random, draws, (double)multiplicities[g] / units);
            counts[g] = drawn;
            draws -= drawn;
            units -= multiplicities[g];
        }
    }

    private static long Inversion(SubtractiveGenerator random, long n, double p)
    {
        var s = p / (1 - p);
        var a = (n + 1) * s;
        var p0 = Math.Exp(n * Math.Log(1 - p));
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

            if (u <= r)
            {
                return k;
            }
        }
    }

    private static long TransformedRejection(SubtractiveGenerator random, long n, double p)
    {
        var spq = Math.Sqrt(n * p * (1 - p));
        var b = 1.15 + 2.53 * spq;
        var a = -0.0873 + 0.0248 * b + 0.01 * p;
        var c = n * p + 0.5;
        var vr = 0.92 - 4.2 / b;
        var alpha = double.NaN;
        double lpq = 0, m = 0, h = 0;
        while (true)
        {
            var u = random.NextDouble() - 0.5;
            var v = random.NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((2 * a / us + b) * u + c);
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
                lpq = Math.Log(p / (1 - p));
                m = Math.Floor((n + 1) * p);
                h = LogFactorial(m) + LogFactorial(n - m);
            }

            v = Math.Log(v * alpha / (a / (us * us) + b));
            if (v <= h - LogFactorial(k) - LogFactorial(n - k) + (k - m) * lpq)
            {
                return (long)k;
            }
        }
    }

    /// <summary>ln k! as the old code read it: lnΓ below 256, Stirling's series above (the table only caches these).</summary>
    private static double LogFactorial(double k) => k < 256 ? SpecialFunctions.GammaLn(k + 1.0) : BinomialVariate.Stirling(k);
}
