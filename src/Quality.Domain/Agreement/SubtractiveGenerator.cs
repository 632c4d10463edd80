using System.Runtime.CompilerServices;

namespace Quality.Domain.Agreement;

/// <summary>
/// The generator of <see cref="Random(int)"/> without a virtual call and a call into the generator per draw:
/// <see cref="NextDouble"/> returns what <see cref="Random.NextDouble"/> on <c>new Random(seed)</c> returns, and
/// <see cref="Tally"/> makes the draws of as many calls of <see cref="Random.Next(int)"/>.
/// </summary>
/// <remarks>
/// <para>
/// A seeded <see cref="Random"/> is, for compatibility, Knuth's subtractive generator (TAOCP vol. 2, §3.6; Numerical
/// Recipes' <c>ran3</c>) as .NET Framework seeded and stepped it: a table X[1..55] filled from 161803398 − |seed|, each
/// step replacing X[i] by X[i] − X[i + 21] (indices wrapping within 1..55) reduced into [0, 2³¹ − 1), and
/// Next(n) = ⌊(X[i]·(1/(2³¹ − 1)))·n⌋ in doubles. Stepping i = 1 … 55 in turn renews the whole table in the order the
/// draws read it, so the table is renewed 55 entries at a time and read in order.
/// </para>
/// <para>
/// The same integer operations in the same order give the same table, so the same draws; <c>SubtractiveGeneratorTests</c>
/// holds it to <see cref="Random"/> draw for draw over edge and random seeds. Not thread-safe: one per replicate.
/// </para>
/// </remarks>
internal sealed class SubtractiveGenerator
{
    private const int Lags = 55;
    private const int Offset = 21;
    private const int Phi = 161803398;

    /// <summary>X[1..55]; X[0] is unused, as in the original.</summary>
    private readonly int[] _table = new int[Lags + 1];

    /// <summary>The last entry of the table read; at 55 the table is renewed before the next read.</summary>
    private int _read = Lags;

    public SubtractiveGenerator(int seed)
    {
        var table = _table;
        var previous = Phi - (seed == int.MinValue ? int.MaxValue : Math.Abs(seed));
        table[Lags] = previous;
        var next = 1;
        var at = 0;
        for (var i = 1; i < Lags; i++)
        {
            at = (at + Offset) % Lags;
            table[at] = next;
            next = previous - next;
            if (next < 0)
            {
                next += int.MaxValue;
            }

            previous = table[at];
        }

        for (var round = 1; round < 5; round++)
        {
            for (var i = 1; i <= Lags; i++)
            {
                table[i] -= table[1 + ((i + 30) % Lags)];
                if (table[i] < 0)
                {
                    table[i] += int.MaxValue;
                }
            }
        }
    }

    /// <summary>The next uniform in [0, 1), as <see cref="Random.NextDouble"/> would return it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble()
    {
        if (_read == Lags)
        {
            Renew(_table);
            _read = 0;
        }

        return _table[++_read] * (1.0 / int.MaxValue);
    }

    /// <summary>
    /// Draws <paramref name="counts"/>.Length times a uniform index below it, as as many calls of
    /// <see cref="Random.Next(int)"/> would, and adds 1 to the count of each index drawn.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Tally(int[] counts)
    {
        var table = _table;
        double n = counts.Length;
        for (var left = counts.Length; left > 0;)
        {
            if (_read == Lags)
            {
                Renew(table);
                _read = 0;
            }

            var (from, to) = (_read + 1, _read + Math.Min(left, Lags - _read));
            for (var i = from; i <= to; i++)
            {
                // The product lies in [0, n): truncating natively, as Random.Next(int) does, needs no saturation.
                counts[double.ConvertToIntegerNative<int>(table[i] * (1.0 / int.MaxValue) * n)]++;
            }

            left -= to - _read;
            _read = to;
        }
    }

    /// <summary>The next 55 steps: X[i] ← X[i] − X[i + 21], the partner wrapping to the entries renewed in this pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Renew(int[] table)
    {
        for (var i = 1; i <= Lags; i++)
        {
            var value = table[i] - table[i + Offset <= Lags ? i + Offset : i + Offset - Lags];
            if (value == int.MaxValue)
            {
                value--;
            }

            // value < 0 ? value + (2³¹ − 1) : value, without a branch: its sign is a coin toss, which a branch mispredicts half the time.
            table[i] = value + ((value >> 31) & int.MaxValue);
        }
    }
}
