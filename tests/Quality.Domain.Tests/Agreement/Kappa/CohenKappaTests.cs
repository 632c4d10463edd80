using Quality.Domain.Agreement.Kappa;
using static Quality.Domain.Tests.Agreement.Kappa.ReferenceTables;

namespace Quality.Domain.Tests.Agreement.Kappa;

public sealed class CohenKappaTests
{
    // scikit-learn test_classification.py test_cohen_kappa: Artstein & Poesio (2008) Table 1, .348 (decimal=3), symmetric.
    [Fact]
    public void Compute_ArtsteinPoesioTable1_MatchesScikitLearn()
    {
        var table = Table([20, 20], [10, 50]);

        Published.Equal(0.348, CohenKappa.Compute(table).Coefficient, 3);
        Published.Equal(0.348, CohenKappa.Compute(table.Transpose()).Coefficient, 3);
    }

    // scikit-learn test_cohen_kappa: A&P Table 4 (3 classes) .8013; weighting example .9315 / .9412 / .9541 (decimal=4).
    [Theory]
    [InlineData(AgreementWeights.Unweighted, 0.9315)]
    [InlineData(AgreementWeights.Linear, 0.9412)]
    [InlineData(AgreementWeights.Quadratic, 0.9541)]
    public void Compute_ScikitLearnWeightingExample_MatchesScikitLearn(AgreementWeights weights, double expected)
    {
        Published.Equal(expected, CohenKappa.Compute(Table([46, 0, 0], [4, 40, 0], [0, 0, 10]), weights).Coefficient, 4);
    }

    [Fact]
    public void Compute_ArtsteinPoesioTable4_MatchesScikitLearn()
    {
        Published.Equal(0.8013, CohenKappa.Compute(Table([46, 0, 0], [6, 32, 6], [0, 0, 10])).Coefficient, 4);
    }

    // SAS PROC FREQ printout recorded in statsmodels test_inter_rater.py (weights [0,1,2] = linear).
    [Theory]
    [InlineData(AgreementWeights.Unweighted, 0.4842, 0.1380, 0.2137, 0.7547, 0.1484, 3.2626, 0.0011)]
    [InlineData(AgreementWeights.Linear, 0.4701, 0.1457, 0.1845, 0.7558, 0.1426, 3.2971, 0.0010)]
    public void Compute_SasExample_MatchesProcFreq(
        AgreementWeights weights, double kappa, double ase, double lower, double upper, double nullAse, double z, double p)
    {
        var result = CohenKappa.Compute(SasExample, weights);

        Published.Equal(kappa, result.Coefficient, 4);
        Published.Equal(ase, result.StandardError, 4);
        Published.Equal(lower, result.Interval.Lower, 4);
        Published.Equal(upper, result.Interval.Upper, 4);
        Published.Equal(nullAse, result.StandardErrorUnderNull!.Value, 4);
        Published.Equal(z, result.Z!.Value, 4);
        Published.Equal(p, result.PValue!.Value, 4);
    }

    // R irr::kappa2(anxiety[, 2:3], weight) as recorded in statsmodels test_cohens_kappa_irr.
    [Theory]
    [InlineData(AgreementWeights.Unweighted, -0.006289308, 9, -0.0604067, 7, 0.9518317)]
    [InlineData(AgreementWeights.Linear, 0.1459075, 7, 1.282472, 6, 0.1996772)]
    [InlineData(AgreementWeights.Quadratic, 0.2520325, 7, 1.437451, 6, 0.1505898)]
    public void Compute_Anxiety_MatchesIrrKappa2(
        AgreementWeights weights, double kappa, int kappaDecimals, double z, int zDecimals, double p)
    {
        var result = CohenKappa.Compute(Anxiety23, weights);

        Published.Equal(kappa, result.Coefficient, kappaDecimals);
        Published.Equal(z, result.Z!.Value, zDecimals);
        Published.Equal(p, result.PValue!.Value, 7);
        Assert.Equal(20, result.Units);
    }

    // irrCAC README kappa2.table(cont3x3abstractors): 0.7964094, SE 0.05891072.
    [Fact]
    public void Compute_Abstractors_MatchesIrrCac()
    {
        var result = CohenKappa.Compute(Abstractors);

        Published.Equal(0.7964094, result.Coefficient, 7);
        Published.Equal(0.05891072, result.StandardError, 8);
        // irrCAC prints the t(99) interval (0.68, 0.913); ours is SAS's Wald interval, by hand κ ± 1.959964·SE.
        Published.Equal(0.7964094 - 1.959964 * 0.05891072, result.Interval.Lower, 6);
        Published.Equal(0.7964094 + 1.959964 * 0.05891072, result.Interval.Upper, 6);
    }

    [Fact]
    public void Compute_OneCategoryUsedByBoth_IsUndefined()
    {
        var result = CohenKappa.Compute(Table([7, 0], [0, 0]));

        Assert.False(result.Defined);
        Assert.Contains("chance agreement", result.UndefinedReason, StringComparison.Ordinal);
        Assert.True(double.IsNaN(result.Coefficient));
    }

    [Fact]
    public void Compute_EmptyTable_IsUndefined()
    {
        var result = CohenKappa.Compute(Table([0, 0], [0, 0]));

        Assert.False(result.Defined);
        Assert.Equal(0, result.Units);
    }

    // Hand computation: 2×2 [[a, 0], [0, d]] with a, d > 0 gives p_o = 1, hence κ = 1 and (FCE 1969) ASE = 0.
    [Fact]
    public void Compute_PerfectAgreement_IsOneWithZeroStandardError()
    {
        var result = CohenKappa.Compute(Table([3, 0], [0, 5]));

        Assert.Equal(1, result.Coefficient, 12);
        Assert.Equal(0, result.StandardError, 12);
    }
}
