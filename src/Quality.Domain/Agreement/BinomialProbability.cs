namespace Quality.Domain.Agreement;

/// <summary>
/// The success probability of <see cref="BinomialVariate"/>'s draws with the constants that depend on it alone, computed
/// once for every draw with that p (a bootstrap's binomials share p across replicates; only n changes).
/// </summary>
/// <remarks>
/// Each constant is the expression <see cref="BinomialVariate"/> evaluated per draw before, on the same operands in the
/// same order, so the draws keep their bits: r is p, or 1 − p when p &gt; ½ (the draw is then n − Bin(n, r)), q = 1 − r,
/// the odds s = r/(1 − r), ln s and ln(1 − r).
/// </remarks>
internal readonly record struct BinomialProbability
{
    public BinomialProbability(double p)
    {
        P = p;
        Complemented = p > 0.5;
        R = Complemented ? 1 - p : p;
        Q = 1 - R;
        Odds = R / (1 - R);
        LogOdds = Math.Log(Odds);
        LogQ = Math.Log(1 - R);
    }

    /// <summary>The success probability p.</summary>
    public double P { get; }

    /// <summary>p &gt; ½: the draw is n − Bin(n, 1 − p).</summary>
    public bool Complemented { get; }

    /// <summary>The probability drawn with: min(p, 1 − p) as computed, p or 1 − p.</summary>
    public double R { get; }

    /// <summary>1 − r.</summary>
    public double Q { get; }

    /// <summary>s = r/(1 − r).</summary>
    public double Odds { get; }

    /// <summary>ln s.</summary>
    public double LogOdds { get; }

    /// <summary>ln(1 − r).</summary>
    public double LogQ { get; }
}
