using FsCheck.Xunit;
using Quality.Domain.Agreement;

namespace Quality.Domain.Tests.Agreement;

[Properties(Arbitrary = [typeof(RatingGenerators)])]
public sealed class PercentAgreementTests
{
    [Fact]
    public void Compute_TwoRaterTable_MatchesIrrCacPa2Table() =>
        // statistics-vectors.md §5: cont3x3abstractors, pa2.table = 0.89.
        Assert.Equal(0.89, PercentAgreement.Compute(KrippendorffAlphaTests.TwoRaterTable([[13, 0, 0], [0, 20, 7], [0, 4, 56]])), 1e-12);

    [Fact]
    public void Compute_ThreeRatersByHand_AveragesAgreeingPairShares()
    {
        // Unit 1: (x,x,x) → 1; unit 2: (x,x,y) → 2 of 6 ordered pairs; unit 3 has one value and is left out.
        var patterns = ReliabilityData.FromRows("a: x x x", "b: x x .", "c: x y .");

        Assert.Equal((1 + 2.0 / 6) / 2, PercentAgreement.Compute(patterns), 1e-12);
    }

    [Fact]
    public void Compute_NoUnitWithTwoValues_IsNotDefined() =>
        Assert.True(double.IsNaN(PercentAgreement.Compute(ReliabilityData.FromRows("a: x .", "b: . y"))));
}
