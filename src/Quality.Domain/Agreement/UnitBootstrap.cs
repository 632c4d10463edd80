using System.Runtime.CompilerServices;

namespace Quality.Domain.Agreement;

/// <summary>
/// Nonparametric bootstrap over units kept as patterns: a replicate draws as many units as there are, with
/// replacement, each unit equally likely, and records how many of the draws fell on each pattern — a multinomial draw
/// of the pattern counts with probabilities multiplicity/total.
/// </summary>
/// <remarks>
/// The multinomial is drawn exactly as a chain of conditional binomials over the patterns in their canonical order:
/// with N units drawn, M units in all and m_g in pattern g, n_g ~ Bin(N − Σ_{h&lt;g} n_h, m_g / (M − Σ_{h&lt;g} m_h)), the
/// last pattern taking what is left. Each binomial costs O(1) expected (<see cref="BinomialVariate"/>), so a replicate
/// is O(patterns) whatever the number of units.
/// </remarks>
internal sealed class UnitBootstrap
{
    /// <summary>Per pattern g, m_g / (M − Σ_{h&lt;g} m_h) with its constants: the same in every replicate, computed once.</summary>
    private readonly BinomialProbability[] _probabilities;
    private readonly long _total;

    public UnitBootstrap(ReadOnlySpan<long> multiplicities)
    {
        foreach (var units in multiplicities)
        {
            _total += units;
        }

        _probabilities = new BinomialProbability[multiplicities.Length];
        var left = _total;
        for (var g = 0; g < multiplicities.Length; g++)
        {
            // The last pattern with units takes what is left (p = 1): m_g == left exactly then, as the division gives.
            _probabilities[g] = new BinomialProbability((double)multiplicities[g] / left);
            left -= multiplicities[g];
        }
    }

    /// <summary>Fills <paramref name="counts"/> with one replicate's units per pattern. O(patterns).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Draw(SubtractiveGenerator random, long[] counts)
    {
        var draws = _total;
        var probabilities = _probabilities;
        for (var g = 0; g < probabilities.Length; g++)
        {
            if (draws == 0)
            {
                counts.AsSpan(g, probabilities.Length - g).Clear();
                return;
            }

            var drawn = BinomialVariate.Draw(random, draws, probabilities[g]);
            counts[g] = drawn;
            draws -= drawn;
        }
    }

    /// <summary>
    /// Two replicates drawn pattern by pattern side by side: each gets the counts <see cref="Draw(SubtractiveGenerator, long[])"/>
    /// gives it, from its own generator.
    /// </summary>
    /// <remarks>
    /// A replicate's binomials are a chain (each draw's n is what the previous ones left), so one replicate waits on
    /// every draw's latency; the other replicate's independent chain fills those waits.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Draw(SubtractiveGenerator first, long[] firstCounts, SubtractiveGenerator second, long[] secondCounts)
    {
        var (firstDraws, secondDraws) = (_total, _total);
        var probabilities = _probabilities;
        for (var g = 0; g < probabilities.Length; g++)
        {
            if ((firstDraws | secondDraws) == 0)
            {
                firstCounts.AsSpan(g, probabilities.Length - g).Clear();
                secondCounts.AsSpan(g, probabilities.Length - g).Clear();
                return;
            }

            // With nothing left to draw, a draw is 0 and reads no uniform, as Draw's early end.
            var drawn = BinomialVariate.Draw(first, firstDraws, probabilities[g]);
            firstCounts[g] = drawn;
            firstDraws -= drawn;
            drawn = BinomialVariate.Draw(second, secondDraws, probabilities[g]);
            secondCounts[g] = drawn;
            secondDraws -= drawn;
        }
    }
}
