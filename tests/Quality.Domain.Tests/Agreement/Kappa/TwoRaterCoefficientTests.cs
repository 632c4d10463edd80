using Quality.Domain.Agreement.Kappa;
using static Quality.Domain.Tests.Agreement.Kappa.ReferenceTables;

namespace Quality.Domain.Tests.Agreement.Kappa;

/// <summary>Scott's pi, percent agreement, Brennan–Prediger and Gwet's AC1/AC2 on two-rater tables.</summary>
public sealed class TwoRaterCoefficientTests
{
    // irrCAC README scott2.table(cont3x3abstractors): 0.7962397, SE 0.05905473, CI (0.679, 0.913).
    [Fact]
    public void ScottPi_Abstractors_MatchesIrrCac()
    {
        var result = ScottPi.Compute(Abstractors);

        Published.Equal(0.7962397, result.Coefficient, 7);
        Published.Equal(0.05905473, result.StandardError, 8);
        Published.Equal(0.679, result.Interval.Lower, 3);
        Published.Equal(0.913, result.Interval.Upper, 3);
    }

    // irrCAC README pa2.table(cont3x3abstractors): 0.89, SE 0.03128898, CI (0.828, 0.952).
    [Fact]
    public void PercentAgreement_Abstractors_MatchesIrrCac()
    {
        var result = PercentAgreement.Compute(Abstractors);

        Published.Equal(0.89, result.Coefficient, 2);
        Published.Equal(0.03128898, result.StandardError, 8);
        Published.Equal(0.828, result.Interval.Lower, 3);
        Published.Equal(0.952, result.Interval.Upper, 3);
        Assert.Equal(0, result.ChanceAgreement);
    }

    // irrCAC README bp2.table(cont3x3abstractors): 0.835, SE 0.04693346.
    [Fact]
    public void BrennanPrediger_Abstractors_MatchesIrrCac()
    {
        var result = BrennanPrediger.Compute(Abstractors);

        Published.Equal(0.835, result.Coefficient, 3);
        Published.Equal(0.04693346, result.StandardError, 8);
        Assert.Equal(1.0 / 3, result.ChanceAgreement, 12);
    }

    // irrCAC README gwet.ac1.table(cont3x3abstractors): 0.8493305, SE 0.04321747, CI (0.764, 0.935).
    [Fact]
    public void GwetAc1_Abstractors_MatchesIrrCac()
    {
        var result = GwetAc1.Compute(Abstractors);

        Published.Equal(0.8493305, result.Coefficient, 7);
        Published.Equal(0.04321747, result.StandardError, 8);
        Published.Equal(0.764, result.Interval.Lower, 3);
        Published.Equal(0.935, result.Interval.Upper, 3);
    }

    // afergadis/irrCAC test/unit/irrCAC/table/test_gwet.py (3 dp): AC2 linear 0.900 (0.842–0.958), quadratic 0.940 (0.905–0.976).
    [Theory]
    [InlineData(AgreementWeights.Linear, 0.900, 0.842, 0.958)]
    [InlineData(AgreementWeights.Quadratic, 0.940, 0.905, 0.976)]
    public void GwetAc2_Abstractors_MatchesIrrCac(AgreementWeights weights, double ac2, double lower, double upper)
    {
        var result = GwetAc1.Compute(Abstractors, weights);

        Published.Equal(ac2, result.Coefficient, 3);
        Published.Equal(lower, result.Interval.Lower, 3);
        Published.Equal(upper, result.Interval.Upper, 3);
    }

    // afergadis/irrCAC table test: cont4x4diagnosis AC1 0.456, SE 0.043, CI 0.371–0.542 (3 dp).
    [Fact]
    public void GwetAc1_Diagnosis4x4_MatchesIrrCac()
    {
        var result = GwetAc1.Compute(Diagnosis4x4);

        Published.Equal(0.456, result.Coefficient, 3);
        Published.Equal(0.043, result.StandardError, 3);
        Published.Equal(0.371, result.Interval.Lower, 3);
        Published.Equal(0.542, result.Interval.Upper, 3);
    }

    // Hand computation (statistics-vectors §5 formulas) on A&P Table 1 [[20,20],[10,50]]:
    // p_a = 0.7, π = (0.35, 0.65), Scott p_e = 0.545 → π = 0.155/0.455; BP p_e = 1/2 → 0.4.
    [Fact]
    public void ScottPiAndBrennanPrediger_ArtsteinPoesioTable1_MatchHandComputation()
    {
        var table = Table([20, 20], [10, 50]);

        Assert.Equal(0.155 / 0.455, ScottPi.Compute(table).Coefficient, 12);
        Assert.Equal(0.4, BrennanPrediger.Compute(table).Coefficient, 12);
        Assert.Equal(0.7, PercentAgreement.Compute(table).Coefficient, 12);
    }

    [Fact]
    public void GwetAc1_SingleCategory_IsUndefined()
    {
        var result = GwetAc1.Compute(new ContingencyTable(["a"], [[5]]));

        Assert.False(result.Defined);
        Assert.True(double.IsNaN(result.StandardError));
    }
}
