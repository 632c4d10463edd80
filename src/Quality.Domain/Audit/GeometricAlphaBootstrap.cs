using System.Runtime.CompilerServices;
using Quality.Domain.Agreement;

namespace Quality.Domain.Audit;

/// <summary>The percentile bootstrap interval of <see cref="GeometricAlpha"/>, resampling consensus objects.</summary>
/// <remarks>
/// <para>
/// As for the other alphas (<see cref="KrippendorffAlpha.Bootstrap(RatingPatterns, MeasurementLevel, BootstrapOptions, IReadOnlyList{string}?)"/>,
/// docs/statistics-conventions.md): each of B replicates draws as many units as there are, with replacement and equal
/// probability (N uniform draws from a <see cref="Random"/> seeded with <see cref="BootstrapOptions.Seed"/>, over the
/// units in content order, so sharding does not change a replicate), and computes alpha on the drawn units; the interval
/// is the type-7 quantiles of the replicates whose alpha is defined.
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

    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs a loop over every consensus object, per replicate.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static BootstrapInterval Run(GeometricAlpha alpha, GeometricItem[] items, BootstrapOptions options)
    {
        BootstrapInterval.Validate(options);
        var units = items.SelectMany(i => i.Units).ToArray();
        var random = new Random(options.Seed);
        var counts = new long[units.Length];
        var replicates = new List<double>(options.Replicates);
        for (var b = 0; b < options.Replicates && units.Length > 0; b++)
        {
            Array.Clear(counts);
            for (var k = 0; k < units.Length; k++)
            {
                counts[random.Next(units.Length)]++;
            }

            var replicate = Alpha(items, counts);
            if (!double.IsNaN(replicate))
            {
                replicates.Add(replicate);
            }
        }

        return BootstrapInterval.Of(alpha.Alpha(), replicates, options);
    }

    /// <summary>Alpha of the replicate that drew unit u counts[u] times (units in the order of <paramref name="items"/>); NaN when undefined.</summary>
    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs a loop over every consensus object, per replicate.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Alpha(GeometricItem[] items, long[] counts)
    {
        double n = 0, observed = 0, sameItemIou = 0;
        var offset = 0;
        foreach (var item in items)
        {
            for (var i = 0; i < item.Units.Length; i++)
            {
                var (m, disagreement, within) = item.Units[i];
                double c = counts[offset + i];
                n += c * m;
                observed += c * disagreement * Unit / (m - 1);
                sameItemIou += (c * within * Unit) + (c * (c - 1) * (m + (within * Unit)));
            }

            foreach (var (a, b, iou) in item.Overlaps)
            {
                sameItemIou += (double)counts[offset + a] * counts[offset + b] * iou * Unit;
            }

            offset += item.Units.Length;
        }

        var expected = (n * (n - 1)) - sameItemIou;
        // Every drawing coinciding with every other leaves only rounding in the expected disagreement: undefined, as in the estimate.
        return n < 2 || expected <= 1e-12 * n * (n - 1) ? double.NaN : 1 - ((n - 1) * observed / expected);
    }
}
