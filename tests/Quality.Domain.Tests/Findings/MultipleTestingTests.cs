using Quality.Domain.Findings;

namespace Quality.Domain.Tests.Findings;

public sealed class MultipleTestingTests
{
    // Sorted 0.005, 0.01, 0.03, 0.04 (m = 4).
    // Holm: 4·0.005 = 0.02, 3·0.01 = 0.03, 2·0.03 = 0.06, max(0.06, 1·0.04) = 0.06 (R p.adjust(p, "holm")).
    // BH: 4/4·0.04 = 0.04, min(0.04, 4/3·0.03 = 0.04), min(0.04, 4/2·0.01 = 0.02), min(0.02, 4·0.005 = 0.02) (R p.adjust(p, "BH")).
    private static readonly double[] P = [0.01, 0.04, 0.03, 0.005];

    [Fact]
    public void Adjust_Holm_TextbookValues()
    {
        Assert.Equal([0.03, 0.06, 0.06, 0.02], MultipleTesting.Adjust(P, MultipleTestingProcedure.Holm), new Spc.ToleranceComparer(1e-12));
    }

    [Fact]
    public void Adjust_BenjaminiHochberg_TextbookValues()
    {
        Assert.Equal([0.02, 0.04, 0.04, 0.02], MultipleTesting.Adjust(P, MultipleTestingProcedure.BenjaminiHochberg), new Spc.ToleranceComparer(1e-12));
    }

    /// <summary>
    /// Benjamini &amp; Hochberg (1995), JRSS B 57:289–300, §4.1: the 15 p-values of Neuhaus et al.'s thrombolysis trial.
    /// At q = 0.05 the step-up rejects the four smallest (p₍₄₎ = 0.0095 ≤ 4/15·0.05 = 0.0133; no larger i has
    /// p₍ᵢ₎ ≤ i/15·0.05), where the paper notes Bonferroni-type procedures reject three. Adjusted p̃₍ᵢ₎ = min_{j ≥ i} 15/j·p₍ⱼ₎
    /// written out: 0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.063857…, 0.063857…, 0.0645, 0.0765, 0.486, … (R p.adjust "BH").
    /// </summary>
    [Fact]
    public void Adjust_BenjaminiHochberg_PaperExampleRejectsFour()
    {
        double[] p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000];

        var adjusted = MultipleTesting.Adjust(p, MultipleTestingProcedure.BenjaminiHochberg);

        Assert.Equal(4, adjusted.Count(q => q <= 0.05));
        Assert.Equal([0.0015, 0.003, 0.0095, 0.035625, 0.0603, 15 / 7.0 * 0.0298, 15 / 7.0 * 0.0298, 0.0645, 0.0765, 0.486], adjusted.Take(10), new Spc.ToleranceComparer(1e-12));
        Assert.Equal(3, MultipleTesting.Adjust(p, MultipleTestingProcedure.Holm).Count(q => q <= 0.05));
    }

    [Fact]
    public void Adjust_NaNIsNotAMemberOfTheFamily()
    {
        var adjusted = MultipleTesting.Adjust([0.01, double.NaN, 0.04], MultipleTestingProcedure.Holm);

        Assert.Equal(0.02, adjusted[0], 1e-12);
        Assert.True(double.IsNaN(adjusted[1]));
        Assert.Equal(0.04, adjusted[2], 1e-12);
    }
}
