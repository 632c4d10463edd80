using System.Runtime.CompilerServices;
using Quality.Domain.Agreement.Kappa;

namespace Quality.Domain.Agreement;

/// <summary>
/// Every agreement statistic of one field, computed from its merged <see cref="RatingPatterns"/>: Krippendorff's alpha
/// at the field's level with a bootstrap interval, the kappa family over categories, and breakdowns per class and per
/// annotator. Pure: the same patterns, level and seed give the same report.
/// </summary>
/// <remarks>
/// The kappa family needs categories, so it is computed for nominal and ordinal fields only; weighted coefficients
/// (linear, quadratic) need an order, so they are null for nominal fields. Interval and ratio fields get alpha,
/// its interval and the per-annotator breakdown. Nothing undefined is ever a number: see docs/statistics-conventions.md.
/// </remarks>
public static class AgreementSuite
{
    public static FieldAgreementSuite Compute(
        RatingPatterns ratings, MeasurementLevel level, IReadOnlyList<string>? orderedValues, BootstrapOptions bootstrap)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(bootstrap);
        // The values are scaled and the units coded once; alpha, its interval and the per-annotator figures share them.
        var scale = ValueScale.For(ratings.Values, level, orderedValues);
        var multisets = new UnitMultisets(ratings, scale);
        var units = multisets.All();
        var alpha = units.Alpha();
        var categorical = level is MeasurementLevel.Nominal or MeasurementLevel.Ordinal;
        var ordered = level == MeasurementLevel.Ordinal;

        // The bootstrap spreads its replicates over the cores; the other figures, each one pass over the patterns, run
        // beside it and take a core when one is free. A nominal field's categories are its points: one set of replicates
        // gives both intervals.
        (BootstrapInterval Alpha, IReadOnlyList<CategoryAgreement>? Categories) replicates = default;
        IReadOnlyList<AnnotatorInfluence> influence = [];
        CategoricalSuite? kappas = null;
        Parallel.Invoke(
            () => replicates = units.Bootstrap(bootstrap, perCategory: level == MeasurementLevel.Nominal),
            () => influence = KrippendorffAlpha.PerAnnotator(ratings, multisets, alpha.Value),
            () => kappas = categorical ? Categorical(ratings, scale, ordered) : null);
        var (interval, nominalCategories) = replicates;
        var perAnnotator = influence.Select(a => new AnnotatorAgreement(
            a.Annotator,
            a.Values,
            a.AlphaWithout,
            a.Change,
            kappas is null ? double.NaN : MeanKappa(kappas.Pairwise, a.Annotator))).ToList();

        return new FieldAgreementSuite(
            level,
            ratings.Units,
            influence.Count,
            alpha,
            interval,
            PercentAgreement.Compute(ratings),
            kappas?.Fleiss,
            kappas?.Ac1,
            kappas?.Ac2Linear,
            kappas?.Ac2Quadratic,
            kappas?.Pairwise ?? [],
            nominalCategories ?? (categorical ? KrippendorffAlpha.PerCategory(ratings, bootstrap) : []),
            perAnnotator);
    }

    private sealed record CategoricalSuite(
        AgreementEstimate Fleiss, AgreementEstimate Ac1, AgreementEstimate? Ac2Linear, AgreementEstimate? Ac2Quadratic,
        IReadOnlyList<PairwiseAgreement> Pairwise);

    private static CategoricalSuite Categorical(RatingPatterns ratings, ValueScale scale, bool ordered)
    {
        var categories = scale.Labels;
        var annotators = RatingPatterns.OrdinalOrder(ratings.Annotators);
        var (table, cellsOf) = Tally(ratings, scale, annotators);
        var pairs = cellsOf.OrderBy(p => p.Key).Select(p => (
            Key: (A: ratings.Annotators[annotators[p.Key.A]], B: ratings.Annotators[annotators[p.Key.B]]),
            p.Value));
        var pairwise = pairs.Select(p =>
        {
            var contingency = new ContingencyTable(categories, Rows(p.Value));
            return new PairwiseAgreement(
                p.Key.A,
                p.Key.B,
                contingency.Total,
                CohenKappa.Compute(contingency),
                ordered ? CohenKappa.Compute(contingency, AgreementWeights.Linear) : null,
                ordered ? CohenKappa.Compute(contingency, AgreementWeights.Quadratic) : null);
        }).ToList();

        return new CategoricalSuite(
            FleissKappa.Compute(table),
            GwetAc1.Compute(table),
            ordered ? GwetAc1.Compute(table, AgreementWeights.Linear) : null,
            ordered ? GwetAc1.Compute(table, AgreementWeights.Quadratic) : null,
            pairwise);
    }

    /// <summary>
    /// One pass over the patterns: the units' count rows for the multi-rater coefficients, and per annotator pair (keyed
    /// by the annotators' ordinal ranks, a &lt; b, so each pair is named once and its rows are the first's values) the
    /// contingency cells. Patterns with the same count row are summed before the table takes them (a million units of
    /// 5 coders and 10 categories have ~10⁵ patterns but ~3,000 rows), so the table's sorted rows are looked up once a row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (RatingTable Table, Dictionary<(int A, int B), long[,]> CellsOf) Tally(RatingPatterns ratings, ValueScale scale, int[] annotators)
    {
        var categories = scale.Labels;
        var rank = new int[annotators.Length];
        for (var r = 0; r < annotators.Length; r++)
        {
            rank[annotators[r]] = r;
        }

        var cellsOf = new Dictionary<(int A, int B), long[,]>();

        // The cells of a pair are found by its ranks in a table while the pairs are few, not hashed for every pair of
        // every pattern; the dictionary holds the same cells.
        var byPair = annotators.Length <= PairTableAnnotators ? new long[,]?[annotators.Length * annotators.Length] : null;
        var rows = new SequenceSet<int>();
        var rowUnits = new List<long>();
        var counts = new int[categories.Count];
        for (var p = 0; p < ratings.DistinctPatterns; p++)
        {
            Array.Clear(counts);
            var pattern = ratings.Pattern(p);
            var units = ratings.UnitsOf(p);
            for (var i = 1; i < pattern.Length; i += 2)
            {
                counts[scale.PointOf(pattern[i])]++;
            }

            var row = rows.Add(counts);
            if (row == rowUnits.Count)
            {
                rowUnits.Add(0);
            }

            rowUnits[row] += units;
            for (var i = 0; i < pattern.Length; i += 2)
            {
                for (var j = i + 2; j < pattern.Length; j += 2)
                {
                    var (first, second) = rank[pattern[i]] < rank[pattern[j]] ? (i, j) : (j, i);
                    var key = (rank[pattern[first]], rank[pattern[second]]);
                    var slot = (key.Item1 * annotators.Length) + key.Item2;
                    // The table and the dictionary are filled together: a pair missing from the table is new.
                    var cells = byPair is not null ? byPair[slot] ??= NewCells(key)
                        : cellsOf.TryGetValue(key, out var known) ? known : NewCells(key);
                    cells[scale.PointOf(pattern[first + 1]), scale.PointOf(pattern[second + 1])] += units;
                }
            }
        }

        var table = new RatingTable(categories);
        for (var row = 0; row < rows.Count; row++)
        {
            table.AddUnit(rows[row], rowUnits[row]);
        }

        return (table, cellsOf);

        long[,] NewCells((int A, int B) pair) => cellsOf[pair] = new long[categories.Count, categories.Count];
    }

    /// <summary>Up to this many annotators, <see cref="Tally"/> finds a pair's cells in a table of every pair (64 KiB at most).</summary>
    private const int PairTableAnnotators = 90;

    private static List<IReadOnlyList<long>> Rows(long[,] cells) =>
        Enumerable.Range(0, cells.GetLength(0))
            .Select(r => (IReadOnlyList<long>)Enumerable.Range(0, cells.GetLength(1)).Select(c => cells[r, c]).ToArray())
            .ToList();

    /// <summary>Mean of the defined unweighted kappas of the pairs the annotator is in; NaN when there are none.</summary>
    private static double MeanKappa(IReadOnlyList<PairwiseAgreement> pairwise, string annotator)
    {
        var kappas = pairwise
            .Where(p => (p.A == annotator || p.B == annotator) && p.Kappa.Defined)
            .Select(p => p.Kappa.Coefficient)
            .ToList();
        return kappas.Count == 0 ? double.NaN : kappas.Average();
    }
}

/// <summary>The agreement suite of one field. Null members were not computed for this level; NaN ones are undefined.</summary>
public sealed record FieldAgreementSuite(
    MeasurementLevel Level,
    long Units,
    int Annotators,
    KrippendorffAlphaResult Alpha,
    BootstrapInterval AlphaInterval,
    double PercentAgreement,
    AgreementEstimate? FleissKappa,
    AgreementEstimate? GwetAc1,
    AgreementEstimate? GwetAc2Linear,
    AgreementEstimate? GwetAc2Quadratic,
    IReadOnlyList<PairwiseAgreement> Pairwise,
    IReadOnlyList<CategoryAgreement> PerCategory,
    IReadOnlyList<AnnotatorAgreement> PerAnnotator);

/// <summary>Cohen's kappa of one annotator pair over the units both rated; weighted kappas only for ordinal fields.</summary>
public sealed record PairwiseAgreement(
    string A, string B, long Units, AgreementEstimate Kappa, AgreementEstimate? WeightedLinear, AgreementEstimate? WeightedQuadratic);

/// <summary>One annotator against the others: alpha without them, its change, and their mean pairwise kappa.</summary>
public sealed record AnnotatorAgreement(
    string Annotator, long Values, KrippendorffAlphaResult AlphaWithout, double AlphaChange, double MeanPairwiseKappa);
