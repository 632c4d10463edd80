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

    [Fact]
    public void Adjust_NaNIsNotAMemberOfTheFamily()
    {
        var adjusted = MultipleTesting.Adjust([0.01, double.NaN, 0.04], MultipleTestingProcedure.Holm);

        Assert.Equal(0.02, adjusted[0], 1e-12);
        Assert.True(double.IsNaN(adjusted[1]));
        Assert.Equal(0.04, adjusted[2], 1e-12);
    }
}
