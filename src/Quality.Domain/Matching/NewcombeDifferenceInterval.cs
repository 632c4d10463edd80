namespace Quality.Domain.Matching;

/// <summary>The hybrid score interval of the difference of two independent binomial proportions.</summary>
/// <remarks>
/// Newcombe (1998), "Interval estimation for the difference between independent proportions: comparison of eleven
/// methods", <i>Statistics in Medicine</i> 17:873–890, method 10: with p̂₁, p̂₂ and their Wilson intervals [l₁, u₁],
/// [l₂, u₂], the difference d = p̂₁ − p̂₂ has the interval
/// [d − √((p̂₁ − l₁)² + (u₂ − p̂₂)²), d + √((u₁ − p̂₁)² + (p̂₂ − l₂)²)]. It stays inside [−1, 1] and is defined at
/// 0 or n successes. Newcombe's example (a), 56/70 − 48/80, gives 0.2 with [0.0524, 0.3339]. Either sample without
/// trials: not defined (NaN).
/// </remarks>
public static class NewcombeDifferenceInterval
{
    public static RateEstimate Compute(long successes1, long trials1, long successes2, long trials2, double confidence = 0.95)
    {
        var first = WilsonScoreInterval.Compute(successes1, trials1, confidence);
        var second = WilsonScoreInterval.Compute(successes2, trials2, confidence);
        if (trials1 == 0 || trials2 == 0)
        {
            return RateEstimate.NotDefined;
        }

        var d = first.Value - second.Value;
        var below = Math.Sqrt(Square(first.Value - first.Lower) + Square(second.Upper - second.Value));
        var above = Math.Sqrt(Square(first.Upper - first.Value) + Square(second.Value - second.Lower));
        return new RateEstimate(d, d - below, d + above);
    }

    private static double Square(double x) => x * x;
}
