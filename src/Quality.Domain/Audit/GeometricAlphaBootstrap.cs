using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Quality.Domain.Agreement;

namespace Quality.Domain.Audit;

/// <summary>The percentile bootstrap interval of <see cref="GeometricAlpha"/>, resampling consensus objects.</summary>
/// <remarks>
/// <para>
/// As for the other alphas (<see cref="KrippendorffAlpha.Bootstrap(RatingPatterns, MeasurementLevel, BootstrapOptions, IReadOnlyList{string}?)"/>,
/// docs/statistics-conventions.md): each of B replicates draws as many units as there are, with replacement and equal
/// probability (N uniform draws, <see cref="Random.Next(int)"/> on replicate b's own stream <see cref="ReplicateStream.For"/>,
/// over the units in content order, so sharding does not change a replicate), and computes alpha on the drawn units; the
/// interval is the type-7 quantiles of the replicates whose alpha is defined. The replicates run on every core
/// (<see cref="BootstrapOptions.MaxDegreeOfParallelism"/>) and are collected in replicate order, so a seed gives one
/// interval whatever the number of workers. The draws are made by <see cref="SubtractiveGenerator"/>, the same draws
/// without a call per draw.
/// </para>
/// <para>
/// A replicate with unit u drawn c_u times has n* = Σ c_u·m_u drawings and observed Σ c_u·D_u/(m_u − 1). Its expected
/// disagreement counts δ between every two drawings of the replicate as the estimate does, a copy being a drawing of its
/// own: Σ_{v≠w} δ = n*(n* − 1) − S* with S* = Σ c_u·W_u + Σ c_u(c_u − 1)·(m_u + W_u) + Σ_{pairs u<v on one item} c_u·c_v·B_uv —
/// W_u the IoU over u's ordered pairs, m_u + W_u the IoU between two copies of u (a drawing and its copy coincide),
/// B_uv the IoU over the ordered pairs of overlapping drawings of two objects of one item. With every c_u = 1 this is the estimate.
/// Time O(B·(units + overlaps)).
/// </para>
/// </remarks>
internal static class GeometricAlphaBootstrap
{
    private const double Unit = 1e-9;

    /// <param name="estimate">Alpha on the units themselves.</param>
    /// <param name="items">The units, item by item, in content order (<see cref="GeometricAlpha.Canonical"/>).</param>
    public static BootstrapInterval Run(double estimate, GeometricItem[] items, BootstrapOptions options)
    {
        BootstrapInterval.Validate(options);
        var units = new Replicates(items);
        var replicates = new double[units.Count > 0 ? options.Replicates : 0];
        // Two replicates at a time, one to each lane of Replicates.Alpha(int[], int[]); an odd last one alone.
        Parallel.For(
            0,
            (replicates.Length + 1) / 2,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            () => (First: new int[units.Count], Second: new int[units.Count]),
            (pair, _, counts) =>
            {
                var b = 2 * pair;
                Draw(options.Seed, b, counts.First);
                if (b + 1 < replicates.Length)
                {
                    Draw(options.Seed, b + 1, counts.Second);
                    (replicates[b], replicates[b + 1]) = units.Alpha(counts.First, counts.Second);
                }
                else
                {
                    replicates[b] = units.Alpha(counts.First);
                }

                return counts;
            },
            _ => { });

        return BootstrapInterval.Of(estimate, [.. replicates.Where(r => !double.IsNaN(r))], options);
    }

    /// <summary>
    /// Replicate <paramref name="replicate"/>'s counts: as many uniform draws of a unit as there are units, the draws
    /// <see cref="Random.Next(int)"/> makes on the replicate's stream (<see cref="ReplicateStream.For"/>).
    /// </summary>
    internal static void Draw(int seed, int replicate, int[] counts)
    {
        Array.Clear(counts);
        ReplicateStream.Generator(seed, replicate).Tally(counts);
    }

    /// <summary>Alpha of the replicate that drew unit u counts[u] times (units in the order of <paramref name="items"/>); NaN when undefined.</summary>
    public static double Alpha(GeometricItem[] items, int[] counts) => new Replicates(items).Alpha(counts);

    /// <summary>Alpha of two replicates, each as <see cref="Alpha(GeometricItem[], int[])"/> gives it, computed side by side.</summary>
    internal static (double First, double Second) Alpha(GeometricItem[] items, int[] first, int[] second) => new Replicates(items).Alpha(first, second);

    /// <summary>
    /// The units' figures as doubles in one array, item after item, converted and scaled once per bootstrap instead of
    /// once per replicate and unit; every replicate sums the same terms in the same order, so a replicate is one double
    /// whichever worker draws it, and whether alone or beside another in the lanes of a vector (each lane's sums are the
    /// scalar sums: the same multiplications and additions, none fused).
    /// </summary>
    private sealed class Replicates
    {
        /// <param name="Drawings">m_u.</param>
        /// <param name="Observed">D_u/(m_u − 1), u's term of the observed disagreement.</param>
        /// <param name="Within">W_u.</param>
        /// <param name="Copies">m_u + W_u, the IoU between two copies of u.</param>
        private readonly record struct Figures(double Drawings, double Observed, double Within, double Copies);

        private readonly Figures[] _units;

        /// <summary>The overlapping units u &lt; v of one item (numbered over all items) and B_uv.</summary>
        private readonly (int A, int B, double Iou)[] _overlaps;

        public Replicates(GeometricItem[] items)
        {
            _units = new Figures[items.Sum(i => i.Units.Length)];
            _overlaps = new (int, int, double)[items.Sum(i => i.Overlaps.Length)];
            var (unit, overlap) = (0, 0);
            foreach (var item in items)
            {
                var offset = unit;
                foreach (var (m, disagreement, within) in item.Units)
                {
                    _units[unit++] = new Figures(m, disagreement * Unit / (m - 1), within * Unit, m + (within * Unit));
                }

                foreach (var (a, b, iou) in item.Overlaps)
                {
                    _overlaps[overlap++] = (offset + a, offset + b, iou * Unit);
                }
            }
        }

        public int Count => _units.Length;

        // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: a loop over every consensus object, per replicate.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public double Alpha(int[] counts)
        {
            double n = 0, observed = 0, sameItemIou = 0;
            for (var unit = 0; unit < _units.Length; unit++)
            {
                var (m, observedTerm, within, copies) = _units[unit];
                double c = counts[unit];
                n += c * m;
                observed += c * observedTerm;
                sameItemIou += (c * within) + (c * (c - 1) * copies);
            }

            foreach (var (a, b, iou) in _overlaps)
            {
                sameItemIou += (double)counts[a] * counts[b] * iou;
            }

            return Alpha(n, observed, sameItemIou);
        }

        /// <summary>
        /// <see cref="Alpha(int[])"/> of two replicates at once, one to each lane: the loop over the units is bound by the
        /// latency of its three running sums, and a second replicate's sums ride in the same instructions.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public (double First, double Second) Alpha(int[] first, int[] second)
        {
            var (n, observed, sameItemIou, one) = (Vector128<double>.Zero, Vector128<double>.Zero, Vector128<double>.Zero, Vector128.Create(1.0));
            for (var unit = 0; unit < _units.Length; unit++)
            {
                var (m, observedTerm, within, copies) = _units[unit];
                var c = Vector128.Create((double)first[unit], second[unit]);
                n += c * m;
                observed += c * observedTerm;
                sameItemIou += (c * within) + (c * (c - one) * copies);
            }

            foreach (var (a, b, iou) in _overlaps)
            {
                sameItemIou += Vector128.Create((double)first[a], second[a]) * Vector128.Create((double)first[b], second[b]) * iou;
            }

            return (Alpha(n[0], observed[0], sameItemIou[0]), Alpha(n[1], observed[1], sameItemIou[1]));
        }

        private static double Alpha(double n, double observed, double sameItemIou)
        {
            var expected = (n * (n - 1)) - sameItemIou;
            // Every drawing coinciding with every other leaves only rounding in the expected disagreement: undefined, as in the estimate.
            return n < 2 || expected <= 1e-12 * n * (n - 1) ? double.NaN : 1 - ((n - 1) * observed / expected);
        }
    }
}
