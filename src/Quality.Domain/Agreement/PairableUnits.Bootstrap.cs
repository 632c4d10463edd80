using System.Runtime.CompilerServices;

namespace Quality.Domain.Agreement;

/// <summary>The bootstrap over units of <see cref="PairableUnits"/>: its replicates and the figures each replicate gives.</summary>
internal sealed partial class PairableUnits
{
    /// <summary>
    /// <see cref="PerCategory()"/> with a percentile bootstrap interval of each one-versus-rest alpha, drawn from the
    /// same replicates as <see cref="KrippendorffAlpha.Bootstrap(PairableUnits, BootstrapOptions)"/> (same seed, same
    /// draws): per category the quantiles of its defined replicates; NaN where none is defined.
    /// </summary>
    public IReadOnlyList<CategoryAgreement> PerCategory(BootstrapOptions options) => Bootstrap(options, perCategory: true).Categories!;

    /// <summary>
    /// The percentile bootstrap interval of alpha (<see cref="KrippendorffAlpha.Bootstrap(PairableUnits, BootstrapOptions)"/>)
    /// and, when <paramref name="perCategory"/>, <see cref="PerCategory(BootstrapOptions)"/>, from one pass over the
    /// replicates: the draws, which are most of the time, are made once for both.
    /// </summary>
    /// <remarks>
    /// Replicate b draws from its own stream (<see cref="ReplicateStream"/>) and the replicates are collected in index
    /// order, so they run in parallel (<see cref="BootstrapOptions.MaxDegreeOfParallelism"/>) and give the same
    /// interval on any number of threads.
    /// </remarks>
    public (BootstrapInterval Alpha, IReadOnlyList<CategoryAgreement>? Categories) Bootstrap(BootstrapOptions options, bool perCategory)
    {
        BootstrapInterval.Validate(options);
        var estimate = Alpha().Value; // also fills the per-pattern terms the replicates share, before they run
        var estimates = perCategory ? PerCategory() : null;
        var alphas = new double[options.Replicates];
        var categoryAlphas = perCategory ? new double[options.Replicates][] : null;
        var bootstrap = new UnitBootstrap(_multiplicities);
        var points = _scale.Coordinates.Count;
        var fused = FusesReplicates(perCategory);
        void Figures(int b, ReplicateScratch scratch)
        {
            var perReplicate = categoryAlphas is null ? null : categoryAlphas[b] = new double[points];
            alphas[b] = fused
                ? ReplicateFigures(scratch.Counts, scratch.Marginals, scratch.Disagreeing, perReplicate)
                : ReplicateFiguresByParts(scratch.Counts, perReplicate);
        }

        // Replicates 2i and 2i + 1 are drawn side by side (UnitBootstrap), each from its own stream.
        Parallel.For(
            0,
            (options.Replicates + 1) / 2,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            () => (First: new ReplicateScratch(_multiplicities.Length, points), Second: new ReplicateScratch(_multiplicities.Length, points)),
            (i, _, scratch) =>
            {
                var b = 2 * i;
                var first = ReplicateStream.Generator(options.Seed, b);
                if (b + 1 < options.Replicates)
                {
                    bootstrap.Draw(first, scratch.First.Counts, ReplicateStream.Generator(options.Seed, b + 1), scratch.Second.Counts);
                    Figures(b + 1, scratch.Second);
                }
                else
                {
                    bootstrap.Draw(first, scratch.First.Counts);
                }

                Figures(b, scratch.First);
                return scratch;
            },
            _ => { });

        var tail = (1 - options.Confidence) / 2;
        var categories = estimates?.Select((e, c) =>
        {
            var replicates = Defined(categoryAlphas!.Select(a => a[c]));
            replicates.Sort();
            return e with { AlphaLower = BootstrapInterval.Quantile(replicates, tail), AlphaUpper = BootstrapInterval.Quantile(replicates, 1 - tail) };
        }).ToList();
        return (BootstrapInterval.Of(estimate, Defined(alphas), options), categories);
    }

    /// <summary>A replicate's alpha and, into <paramref name="categoryAlphas"/> if given, its one-versus-rest alphas, figure by figure.</summary>
    internal double ReplicateFiguresByParts(long[] counts, double[]? categoryAlphas)
    {
        var marginals = Marginals(counts, out var pairableUnits, out var n); // once for alpha and the categories
        if (categoryAlphas is not null)
        {
            CategoryAlphas(counts, marginals, n).CopyTo(categoryAlphas, 0);
        }

        return Alpha(counts, marginals, pairableUnits, n).Value;
    }

    /// <summary>
    /// <see cref="ReplicateFiguresByParts"/> in one pass over the patterns, without allocating: the marginals, n, the
    /// observed disagreement and the categories' disagreements are summed together, each in the order and with the
    /// operands its own pass uses, so every figure keeps its bits.
    /// </summary>
    /// <remarks>
    /// Only where the unit terms do not depend on the replicate's marginals (not ordinal) and the category terms are exact
    /// integers (<see cref="_exactTerms"/>); elsewhere <see cref="ReplicateFiguresByParts"/>.
    /// </remarks>
    /// <param name="weights">The replicate's units per pattern.</param>
    /// <param name="marginals">Scratch, one entry per point: n_c on return.</param>
    /// <param name="disagreeing">Scratch, one entry per point.</param>
    /// <param name="categoryAlphas">Filled with the one-versus-rest alphas, if given.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal double ReplicateFigures(long[] weights, long[] marginals, double[] disagreeing, double[]? categoryAlphas)
    {
        var unitTerms = FixedUnitDisagreements();
        long pairableUnits = 0, n = 0;
        double observed = 0;
        for (var p = 0; p < weights.Length; p++)
        {
            var w = weights[p];
            pairableUnits += w;
            n += w * _values[p];
            if (w != 0)
            {
                observed += w * unitTerms[p];
            }
        }

        // Per point c, n_c = Σ w·n_uc (integers, any order) and Σ w·2n_uc(m − n_uc)/(m − 1) in pattern order: a pattern
        // the replicate did not draw adds +0, which leaves a sum of terms ≥ 0 as it is, so none is skipped. Dividing by
        // m − 1 where it is a power of two is the exact scaling that multiplying by its inverse was.
        var (start, pattern, count, pairTerm, divisor) = (_byPoint.Start, _byPoint.Pattern, _byPoint.Count, _byPoint.PairTerm, _byPoint.Divisor);
        for (var c = 0; c < marginals.Length; c++)
        {
            long nc = 0;
            double sum = 0;
            if (categoryAlphas is null)
            {
                for (var i = start[c]; i < start[c + 1]; i++)
                {
                    nc += weights[pattern[i]] * count[i];
                }
            }
            else
            {
                for (var i = start[c]; i < start[c + 1]; i++)
                {
                    var w = weights[pattern[i]];
                    nc += w * count[i];
                    sum += (double)(w * pairTerm[i]) / divisor[i];
                }
            }

            marginals[c] = nc;
            disagreeing[c] = sum;
        }

        if (categoryAlphas is not null)
        {
            OneVersusRest(marginals, disagreeing, n, categoryAlphas);
        }

        return Alpha(marginals, pairableUnits, n, observed).Value;
    }

    /// <summary>A replicate's counts per pattern and its sums per point, reused by the replicates one thread draws.</summary>
    private sealed class ReplicateScratch(int patterns, int points)
    {
        public long[] Counts { get; } = new long[patterns];

        public long[] Marginals { get; } = new long[points];

        public double[] Disagreeing { get; } = new double[points];
    }

    /// <summary>The replicates whose figure is defined, in replicate order.</summary>
    private static List<double> Defined(IEnumerable<double> replicates) => replicates.Where(a => !double.IsNaN(a)).ToList();
}
