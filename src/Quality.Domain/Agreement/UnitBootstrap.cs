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
    private readonly long[] _multiplicities;
    private readonly long _total;

    public UnitBootstrap(ReadOnlySpan<long> multiplicities)
    {
        _multiplicities = multiplicities.ToArray();
        foreach (var units in _multiplicities)
        {
            _total += units;
        }
    }

    /// <summary>Fills <paramref name="counts"/> with one replicate's units per pattern. O(patterns).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Draw(SubtractiveGenerator random, long[] counts)
    {
        var draws = _total;
        var units = _total;
        for (var g = 0; g < _multiplicities.Length; g++)
        {
            var drawn = draws == 0 ? 0
                : _multiplicities[g] == units ? draws
                : BinomialVariate.Draw(random, draws, (double)_multiplicities[g] / units);
            counts[g] = drawn;
            draws -= drawn;
            units -= _multiplicities[g];
        }
    }
}
