using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Quality.Domain.Audit;

/// <summary>
/// A mergeable distribution of non-negative measurements on fixed bins of width <see cref="BinWidth"/>: exact count
/// and mean, quantiles to within half a bin. Only occupied bins are kept, so memory follows the spread of the data,
/// not its size; integer counts and a sum kept in units of 10⁻⁹ merge in any order to the same figures.
/// </summary>
/// <remarks>
/// A quantile is the midpoint of the bin holding the ⌈p·n⌉-th smallest value (nearest-rank), so it is off the exact
/// nearest-rank quantile by at most <see cref="BinWidth"/>/2. Values are clamped at 0 (the measurements here are
/// magnitudes).
/// </remarks>
public sealed class BinnedDistribution(double binWidth)
{
    private const double SumUnit = 1e-9;
    /// <summary>Count by bin, unordered: ~110,000 matched boxes add six values each, and a hash lookup is a fraction of a tree's; readers sort (<see cref="SortedBins"/>).</summary>
    private readonly Dictionary<long, long> _bins = [];
    private Int128 _sum;

    public double BinWidth { get; } = binWidth > 0 && double.IsFinite(binWidth)
        ? binWidth
        : throw new ArgumentOutOfRangeException(nameof(binWidth), binWidth, "a bin width is a positive number");

    public long Count { get; private set; }

    public double Mean => Count == 0 ? double.NaN : (double)_sum * SumUnit / Count;

    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs six times per matched box.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        value = Math.Max(0, value);
        var bin = (long)Math.Floor(value / BinWidth);
        CollectionsMarshal.GetValueRefOrAddDefault(_bins, bin, out _)++;
        _sum += (Int128)Math.Round(value / SumUnit);
        Count++;
    }

    public void Merge(BinnedDistribution other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.BinWidth != BinWidth)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"bins of width {other.BinWidth} cannot merge into bins of width {BinWidth}"), nameof(other));
        }

        foreach (var (bin, count) in other._bins)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_bins, bin, out _) += count;
        }

        _sum += other._sum;
        Count += other.Count;
    }

    /// <summary>The nearest-rank quantile to within half a bin; NaN when empty.</summary>
    public double Quantile(double probability)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(probability * Count));
        long seen = 0;
        var bins = SortedBins();
        foreach (var (bin, count) in bins)
        {
            seen += count;
            if (seen >= rank)
            {
                return (bin + 0.5) * BinWidth;
            }
        }

        return (bins[^1].Key + 0.5) * BinWidth;
    }

    /// <summary>The occupied bins in ascending order.</summary>
    private KeyValuePair<long, long>[] SortedBins()
    {
        var bins = _bins.ToArray();
        Array.Sort(bins, static (x, y) => x.Key.CompareTo(y.Key));
        return bins;
    }

    public BinnedDistributionState ToState() =>
        new(BinWidth, [.. SortedBins().Select(b => new[] { b.Key, b.Value })], _sum.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static BinnedDistribution FromState(BinnedDistributionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var distribution = new BinnedDistribution(state.BinWidth) { _sum = Int128.Parse(state.Sum, System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var bin in state.Bins)
        {
            distribution._bins[bin[0]] = bin[1];
            distribution.Count += bin[1];
        }

        return distribution;
    }
}

/// <summary>Persisted form of a <see cref="BinnedDistribution"/>: [bin, count] pairs and the sum in units of 10⁻⁹.</summary>
public sealed record BinnedDistributionState(double BinWidth, IReadOnlyList<long[]> Bins, string Sum);
