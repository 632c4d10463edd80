using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Quality.Domain.Agreement.Kappa;

namespace Quality.Domain.Tests.Agreement.Kappa;

/// <summary>Invariants every coefficient must keep, over generated tables.</summary>
public sealed class KappaProperties
{
    private static readonly AgreementWeights[] AllWeights = [AgreementWeights.Unweighted, AgreementWeights.Linear, AgreementWeights.Quadratic];

    /// <summary>q×q two-rater tables, q in 2..5, cells 0..12.</summary>
    private static readonly Arbitrary<long[][]> TwoRaterCounts = Gen.Choose(2, 5)
        .SelectMany(q => Gen.Choose(0, 12).Select(c => (long)c).ArrayOf(q).ArrayOf(q))
        .ToArbitrary();

    /// <summary>Unit rows over 3 categories (0..4 raters per category, so rater counts differ), 1..15 units.</summary>
    private static readonly Arbitrary<int[][]> UnitRows = Gen.Choose(0, 4).ArrayOf(3).NonEmptyListOf()
        .Select(rows => rows.Take(15).ToArray())
        .ToArbitrary();

    [Property]
    public Property CohenKappa_TransposedTable_SameEstimate() => Prop.ForAll(TwoRaterCounts, counts =>
        AllWeights.All(w => SameEstimate(CohenKappa.Compute(Table(counts), w), CohenKappa.Compute(Table(counts).Transpose(), w))));

    [Property]
    public Property TwoRaterCoefficients_Defined_AtMostOneAndIntervalContainsEstimate() => Prop.ForAll(TwoRaterCounts, counts =>
        AllWeights.SelectMany(w => TwoRater(Table(counts), w)).All(BoundedWithInterval));

    // The one-unit table FsCheck found (1 in 25,000 draws): the raters disagree on their only unit. By hand, p_o = 0;
    // Scott's shares are ½ and ½, so p_e = ½ and π = (0 − ½)/(1 − ½) = −1; Cohen's p_e = 1·0 + 0·1 = 0, so κ = 0.
    // Gwet's t(n − 1) interval has no degrees of freedom and is undefined; Cohen's Wald interval is [0, 0].
    [Fact]
    public void OneUnit_ChanceCorrectedIntervalUndefined_CohenWaldDefined()
    {
        var table = Table([[0, 1], [0, 0]]);
        var pi = ScottPi.Compute(table);
        var kappa = CohenKappa.Compute(table);

        Assert.Equal(-1, pi.Coefficient, 12);
        Assert.True(double.IsNaN(pi.Interval.Lower) && double.IsNaN(pi.Interval.Upper));
        Assert.True(BoundedWithInterval(pi));
        Assert.Equal(0, kappa.Coefficient, 12);
        Assert.Equal(new ConfidenceInterval(0, 0, 0.95), kappa.Interval);
    }

    [Property]
    public Property MultiRaterCoefficients_Defined_AtMostOneAndIntervalContainsEstimate() => Prop.ForAll(UnitRows, rows =>
        AllWeights.SelectMany(w => MultiRater(Ratings(rows), w)).All(BoundedWithInterval));

    [Property]
    public Property RatingTable_RowOrderAndMerge_DoNotChangeAnyFigure() => Prop.ForAll(UnitRows, rows =>
    {
        var forward = Ratings(rows);
        var backward = Ratings([.. rows.Reverse()]);
        var merged = Ratings(rows[..(rows.Length / 2)]);
        merged.Merge(Ratings(rows[(rows.Length / 2)..]));
        return AllWeights.All(w =>
            MultiRater(forward, w).Zip(MultiRater(backward, w), MultiRater(merged, w))
                .All(e => e.First == e.Second && e.First == e.Third));
    });

    // Perfect agreement with variation (two or more categories used): every coefficient is exactly 1.
    [Property]
    public Property PerfectAgreement_WithVariation_IsOne() => Prop.ForAll(
        Gen.Choose(1, 9).ArrayOf(3).ToArbitrary(),
        Gen.Choose(2, 5).ToArbitrary(),
        (diagonal, raters) =>
        {
            var table = Table([[diagonal[0], 0, 0], [0, diagonal[1], 0], [0, 0, diagonal[2]]]);
            var ratings = Ratings([.. diagonal.SelectMany((m, k) => Enumerable.Repeat(Unanimous(k, raters), m))]);
            return TwoRater(table, AgreementWeights.Unweighted).Concat(MultiRater(ratings, AgreementWeights.Quadratic))
                .Append(FleissKappa.Compute(ratings))
                .All(e => Math.Abs(e.Coefficient - 1) < 1e-12);
        });

    // Fleiss (1971) generalises Scott's pi: with two raters per unit both give the same coefficient, and Gwet's
    // AC1, Brennan–Prediger and percent agreement do not depend on the input shape.
    [Property]
    public Property TwoRatersAsUnitRows_SameCoefficientsAsTable() => Prop.ForAll(TwoRaterCounts, counts =>
    {
        var table = Table(counts);
        var ratings = new RatingTable(table.Categories);
        for (var k = 0; k < table.CategoryCount; k++)
        {
            for (var l = 0; l < table.CategoryCount; l++)
            {
                ratings.AddUnit(Pair(table.CategoryCount, k, l), table[k, l]);
            }
        }

        return AllWeights.All(w =>
            SameCoefficient(ScottPi.Compute(table, w), FleissKappa.Generalized(ratings, w))
            && SameCoefficient(GwetAc1.Compute(table, w), GwetAc1.Compute(ratings, w))
            && SameCoefficient(BrennanPrediger.Compute(table, w), BrennanPrediger.Compute(ratings, w))
            && SameCoefficient(PercentAgreement.Compute(table, w), PercentAgreement.Compute(ratings, w)));
    });

    private static int[] Pair(int q, int k, int l)
    {
        var counts = new int[q];
        counts[k]++;
        counts[l]++;
        return counts;
    }

    private static int[] Unanimous(int category, int raters)
    {
        var counts = new int[3];
        counts[category] = raters;
        return counts;
    }

    private static IEnumerable<AgreementEstimate> TwoRater(ContingencyTable table, AgreementWeights weights) =>
    [
        CohenKappa.Compute(table, weights), ScottPi.Compute(table, weights), GwetAc1.Compute(table, weights),
        BrennanPrediger.Compute(table, weights), PercentAgreement.Compute(table, weights),
    ];

    private static IEnumerable<AgreementEstimate> MultiRater(RatingTable ratings, AgreementWeights weights) =>
    [
        FleissKappa.Generalized(ratings, weights), GwetAc1.Compute(ratings, weights),
        BrennanPrediger.Compute(ratings, weights), PercentAgreement.Compute(ratings, weights),
    ];

    // Gwet's t(n − 1) interval needs two units (irrCAC): with one unit it is undefined whatever the standard error, while
    // Cohen's Wald interval is not.
    private static bool BoundedWithInterval(AgreementEstimate e) =>
        !e.Defined
            ? double.IsNaN(e.Coefficient) && e.UndefinedReason!.Length > 0
            : e.Coefficient <= 1 + 1e-12 && (!double.IsFinite(e.StandardError) || e.Interval.Contains(e.Coefficient)
                || (e.Units < 2 && double.IsNaN(e.Interval.Lower) && double.IsNaN(e.Interval.Upper)));

    private static bool SameEstimate(AgreementEstimate a, AgreementEstimate b) =>
        SameCoefficient(a, b) && Close(a.StandardError, b.StandardError)
        && Close(a.StandardErrorUnderNull ?? double.NaN, b.StandardErrorUnderNull ?? double.NaN);

    private static bool SameCoefficient(AgreementEstimate a, AgreementEstimate b) =>
        a.Defined == b.Defined && Close(a.Coefficient, b.Coefficient);

    private static bool Close(double a, double b) => (double.IsNaN(a) && double.IsNaN(b)) || Math.Abs(a - b) < 1e-12;

    private static ContingencyTable Table(long[][] counts) => ReferenceTables.Table(counts);

    private static RatingTable Ratings(int[][] rows)
    {
        var table = new RatingTable(["a", "b", "c"]);
        foreach (var row in rows)
        {
            table.AddUnit(row);
        }

        return table;
    }
}
