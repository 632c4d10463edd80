using System.Globalization;
using System.Numerics;
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

    /// <summary>
    /// Bins below this are counted in an array indexed by bin (IoU has 1,000 bins, heading 1,800): ~110,000 matched boxes
    /// add six values each, an array's add is an index, and the dictionary's generic code over <c>long</c> ran as tier-0
    /// code in a one-shot audit. 64 KiB at most per distribution, grown by doubling to the largest bin seen.
    /// </summary>
    private const int DenseBins = 8192;

    /// <summary>Count by bin for bins below <see cref="DenseBins"/>; empty until the first such value.</summary>
    private long[] _dense = [];

    /// <summary>Count by bin for the bins beyond the array (outliers, or pixels at fine bins), unordered; readers sort (<see cref="SortedBins"/>).</summary>
    private readonly Dictionary<long, long> _sparse = [];
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
        CountOf((long)Math.Floor(value / BinWidth))++;
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

        // Counts add in any order: the other's array bin by bin, its dictionary entry by entry, nothing sorted.
        if (other._dense.Length > _dense.Length)
        {
            Array.Resize(ref _dense, other._dense.Length);
        }

        for (var bin = 0; bin < other._dense.Length; bin++)
        {
            _dense[bin] += other._dense[bin];
        }

        foreach (var (bin, count) in other._sparse)
        {
            CountOf(bin) += count;
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

    /// <summary>The count of <paramref name="bin"/>, to add to.</summary>
    private ref long CountOf(long bin)
    {
        if (bin is < 0 or >= DenseBins)
        {
            return ref CollectionsMarshal.GetValueRefOrAddDefault(_sparse, bin, out _);
        }

        if (bin >= _dense.Length)
        {
            Array.Resize(ref _dense, (int)Math.Min(DenseBins, Math.Max(64, BitOperations.RoundUpToPowerOf2((ulong)bin + 1))));
        }

        return ref _dense[bin];
    }

    /// <summary>The occupied bins in ascending order: the array's between the dictionary's below and above them.</summary>
    private List<KeyValuePair<long, long>> SortedBins()
    {
        var sparse = _sparse.ToArray();
        Array.Sort(sparse, static (x, y) => x.Key.CompareTo(y.Key));
        // Negative bins come only from a state (values are clamped at 0).
        var below = Array.FindIndex(sparse, b => b.Key >= 0) is var i and >= 0 ? i : sparse.Length;
        var bins = new List<KeyValuePair<long, long>>(sparse[..below]);
        for (var bin = 0; bin < _dense.Length; bin++)
        {
            if (_dense[bin] != 0)
            {
                bins.Add(new(bin, _dense[bin]));
            }
        }

        bins.AddRange(sparse[below..]);
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
            distribution.CountOf(bin[0]) = bin[1];
            distribution.Count += bin[1];
        }

        return distribution;
    }
}

/// <summary>Persisted form of a <see cref="BinnedDistribution"/>: [bin, count] pairs and the sum in units of 10⁻⁹.</summary>
public sealed record BinnedDistributionState(double BinWidth, IReadOnlyList<long[]> Bins, string Sum);
