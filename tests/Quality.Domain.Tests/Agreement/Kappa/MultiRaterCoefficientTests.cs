using Quality.Domain.Agreement.Kappa;
using static Quality.Domain.Tests.Agreement.Kappa.ReferenceTables;

namespace Quality.Domain.Tests.Agreement.Kappa;

/// <summary>Fleiss' kappa, Gwet's AC1/AC2, Brennan–Prediger and percent agreement on unit-by-category counts.</summary>
public sealed class MultiRaterCoefficientTests
{
    // statsmodels test_fleiss_kappa (Wikipedia / Fleiss 1971): 0.210 (decimal=3).
    [Fact]
    public void Fleiss_Wikipedia_MatchesStatsmodels()
    {
        Published.Equal(0.210, FleissKappa.Compute(FleissWikipedia).Coefficient, 3);
    }

    // R irr kappam.fleiss(diagnoses) recorded in statsmodels test_fleiss_kappa_irr: 0.4302445, z 17.65183, p 0.
    [Fact]
    public void Fleiss_Diagnoses_MatchesIrrKappamFleiss()
    {
        var result = FleissKappa.Compute(Diagnoses);

        Published.Equal(0.4302445, result.Coefficient, 7);
        Published.Equal(17.65183, result.Z!.Value, 5);
        Published.Equal(0, result.PValue!.Value, 7);
        Assert.Equal(30, result.Units);
        Assert.Equal(180, result.Ratings);
    }

    // irrCAC README fleiss.kappa.dist(distrib.6raters): 0.4139265, SE 0.08119291, pa 0.5511111, pe 0.2340741.
    [Fact]
    public void Fleiss_Distrib6Raters_MatchesIrrCac()
    {
        var result = FleissKappa.Compute(Distrib6Raters);

        Published.Equal(0.4139265, result.Coefficient, 7);
        Published.Equal(0.08119291, result.StandardError, 8);
        Published.Equal(0.5511111, result.PercentAgreement, 7);
        Published.Equal(0.2340741, result.ChanceAgreement, 7);
    }

    // irrCAC README gwet.ac1.dist 0.4448007 (pe 0.1914815), bp.coeff.dist 0.4388889 (pe 0.2) on distrib.6raters.
    [Fact]
    public void GwetAc1AndBrennanPrediger_Distrib6Raters_MatchIrrCac()
    {
        var ac1 = GwetAc1.Compute(Distrib6Raters);
        var bp = BrennanPrediger.Compute(Distrib6Raters);

        Published.Equal(0.4448007, ac1.Coefficient, 7);
        Published.Equal(0.1914815, ac1.ChanceAgreement, 7);
        Published.Equal(0.4388889, bp.Coefficient, 7);
        Published.Equal(0.2, bp.ChanceAgreement, 7);
    }

    // irrCAC README on cac.raw4raters: gwet.ac1.raw 0.77544, pa 0.8181818, pe 0.1903212, SE 0.14295.
    [Fact]
    public void GwetAc1_Raw4Raters_MatchesIrrCac()
    {
        var result = GwetAc1.Compute(Raw4Raters);

        Published.Equal(0.77544, result.Coefficient, 5);
        Published.Equal(0.8181818, result.PercentAgreement, 7);
        Published.Equal(0.1903212, result.ChanceAgreement, 7);
        Published.Equal(0.14295, result.StandardError, 5);
        Assert.Equal(12, result.Units);
        Assert.Equal(41, result.Ratings); // by hand: 3 + 8·4 + 3 + 2 + 1
    }

    // afergadis/irrCAC test/unit/irrCAC/raw/test_gwet.py (3 dp): AC2 linear 0.859 (pa 0.939, pe 0.571), quadratic 0.914 (pa 0.975, pe 0.714).
    [Theory]
    [InlineData(AgreementWeights.Linear, 0.859, 0.939, 0.571)]
    [InlineData(AgreementWeights.Quadratic, 0.914, 0.975, 0.714)]
    public void GwetAc2_Raw4Raters_MatchesIrrCac(AgreementWeights weights, double ac2, double pa, double pe)
    {
        var result = GwetAc1.Compute(Raw4Raters, weights);

        Published.Equal(ac2, result.Coefficient, 3);
        Published.Equal(pa, result.PercentAgreement, 3);
        Published.Equal(pe, result.ChanceAgreement, 3);
    }

    // irrCAC README fleiss.kappa.raw(cac.raw4raters): 0.76117, pe 0.2387153, SE 0.15302 (Gwet's generalisation, §2.4).
    [Fact]
    public void FleissGeneralized_Raw4Raters_MatchesIrrCac()
    {
        var result = FleissKappa.Generalized(Raw4Raters);

        Published.Equal(0.76117, result.Coefficient, 5);
        Published.Equal(0.2387153, result.ChanceAgreement, 7);
        Published.Equal(0.15302, result.StandardError, 5);
    }

    // irrCAC README bp.coeff.raw 0.77273 (pe 0.2, SE 0.14472); pa.coeff.raw 0.8181818 (SE 0.12561).
    [Fact]
    public void BrennanPredigerAndPercentAgreement_Raw4Raters_MatchIrrCac()
    {
        var bp = BrennanPrediger.Compute(Raw4Raters);
        var pa = PercentAgreement.Compute(Raw4Raters);

        Published.Equal(0.77273, bp.Coefficient, 5);
        Published.Equal(0.14472, bp.StandardError, 5);
        Published.Equal(0.8181818, pa.Coefficient, 7);
        Published.Equal(0.12561, pa.StandardError, 5);
    }

    [Fact]
    public void Fleiss_UnequalRaterCounts_IsUndefinedWithReason()
    {
        var result = FleissKappa.Compute(Raw4Raters);

        Assert.False(result.Defined);
        Assert.Contains("different numbers of raters", result.UndefinedReason, StringComparison.Ordinal);
        Assert.True(double.IsNaN(result.Coefficient));
        Assert.Equal(12, result.Units);
    }

    // statsmodels test_aggregate_raters: category totals of diagnoses are 26, 26, 30, 55, 43; units collapse by row.
    [Fact]
    public void RatingTable_Diagnoses_AggregatesLikeStatsmodels()
    {
        var totals = new long[5];
        foreach (var (counts, multiplicity) in Diagnoses.Rows)
        {
            for (var k = 0; k < 5; k++)
            {
                totals[k] += counts[k] * multiplicity;
            }
        }

        Assert.Equal([26, 26, 30, 55, 43], totals);
        Assert.Equal(30, Diagnoses.Units);
        Assert.True(Diagnoses.Rows.Count() < 30);
    }

    [Fact]
    public void Coefficients_NoUnitWithTwoRatings_AreUndefined()
    {
        var table = Counts([1, 0], [0, 1]);

        Assert.False(GwetAc1.Compute(table).Defined);
        Assert.False(FleissKappa.Compute(table).Defined);
        Assert.False(PercentAgreement.Compute(table).Defined);
    }

    [Fact]
    public void Fleiss_OneCategoryThroughout_IsUndefined()
    {
        var result = FleissKappa.Compute(Counts([3, 0], [3, 0]));

        Assert.False(result.Defined);
        Assert.Contains("chance agreement", result.UndefinedReason, StringComparison.Ordinal);
    }
}
