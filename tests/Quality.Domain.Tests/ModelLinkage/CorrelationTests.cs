using Quality.Domain.ModelLinkage;

namespace Quality.Domain.Tests.ModelLinkage;

public sealed class CorrelationTests
{
    // Anscombe (1973), "Graphs in statistical analysis", The American Statistician 27:17–21: data set I.
    private static readonly double[] AnscombeX = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
    private static readonly double[] AnscombeY = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];

    /// <summary>
    /// Anscombe publishes r = 0.816 for data set I. Python 3.11's statistics.correlation gives 0.81642051634484, and
    /// tanh(atanh r ∓ NormalDist().inv_cdf(0.975)/√(11 − 3)) the interval [0.42439121339321667, 0.9506932537865606].
    /// </summary>
    [Fact]
    public void Pearson_AnscombeI_MatchesPublishedRAndPythonFisherInterval()
    {
        var r = PearsonCorrelation.Compute(AnscombeX, AnscombeY);

        Assert.Equal(0.816, r.Coefficient!.Value, 3);
        Assert.Equal(0.81642051634484, r.Coefficient!.Value, 12);
        Assert.Equal(0.42439121339321667, r.Ci95![0], 12);
        Assert.Equal(0.9506932537865606, r.Ci95![1], 12);
        Assert.Equal(11, r.N);
        Assert.Null(r.UndefinedReason);
    }

    /// <summary>
    /// The ranks of set I have no ties: x ranks 7,5,10,6,8,11,3,1,9,4,2 and y ranks 7,4,6,9,8,10,5,1,11,2,3, so
    /// Σd² = 0+1+16+9+0+1+4+0+4+4+1 = 40 and ρ = 1 − 6·40/(11·(121 − 1)) = 1 − 240/1320 = 9/11.
    /// </summary>
    [Fact]
    public void Spearman_AnscombeI_IsNineElevenths()
    {
        Assert.Equal(9.0 / 11, SpearmanCorrelation.Compute(AnscombeX, AnscombeY).Coefficient!.Value, 12);
    }

    /// <summary>
    /// Ties take the mean rank: x = 1,2,2,3,4 ranks 1,2.5,2.5,4,5; y = 3,1,4,4,5 ranks 2,1,3.5,3.5,5. Pearson's r of the
    /// ranks: deviations from 3 are (−2,−0.5,−0.5,1,2) and (−1,−2,0.5,0.5,2); Σxy = 2+1−0.25+0.5+4 = 7.25,
    /// Σx² = 9.5, Σy² = 9.5, so ρ = 7.25/9.5 = 29/38.
    /// </summary>
    [Fact]
    public void Spearman_Ties_UseAverageRanks()
    {
        Assert.Equal([1, 2.5, 2.5, 4, 5], SpearmanCorrelation.AverageRanks([1, 2, 2, 3, 4]));
        Assert.Equal(29.0 / 38, SpearmanCorrelation.Compute([1, 2, 2, 3, 4], [3, 1, 4, 4, 5]).Coefficient!.Value, 12);
    }

    [Fact]
    public void Pearson_ThreeVersions_IsUndefinedWithTheReason()
    {
        var r = PearsonCorrelation.Compute([0.1, 0.2, 0.3], [0.9, 0.8, 0.7]);

        Assert.Null(r.Coefficient);
        Assert.Null(r.Ci95);
        Assert.Equal(3, r.N);
        Assert.Contains("at least 4", r.UndefinedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Pearson_ConstantErrorRate_IsUndefined()
    {
        var r = PearsonCorrelation.Compute([0.1, 0.1, 0.1, 0.1], [0.9, 0.8, 0.7, 0.6]);

        Assert.Null(r.Coefficient);
        Assert.Equal("the label error rate is the same in every version", r.UndefinedReason);
    }

    /// <summary>A perfect line: r = −1 exactly, and Fisher's z is infinite, so there is no interval.</summary>
    [Fact]
    public void Pearson_PerfectLine_HasNoInterval()
    {
        var r = PearsonCorrelation.Compute([0.1, 0.2, 0.3, 0.4], [0.9, 0.8, 0.7, 0.6]);

        Assert.Equal(-1, r.Coefficient!.Value, 12);
        Assert.Null(r.Ci95);
        Assert.NotNull(r.UndefinedReason);
    }
}
