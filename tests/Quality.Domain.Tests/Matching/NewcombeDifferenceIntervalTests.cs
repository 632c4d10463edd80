using Quality.Domain.Matching;

namespace Quality.Domain.Tests.Matching;

public sealed class NewcombeDifferenceIntervalTests
{
    /// <summary>Newcombe (1998), Statistics in Medicine 17:873–890, Table II, method 10, to the 4 decimals printed
    /// there: examples (a), (b) and the boundary cases (e) to (h); (a) and (b) as the R package propint's tests also check them.</summary>
    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(0, 10, 0, 20, -0.1611, 0.2775)]
    [InlineData(0, 10, 0, 10, -0.2775, 0.2775)]
    [InlineData(10, 10, 0, 20, 0.6791, 1.0000)]
    [InlineData(10, 10, 0, 10, 0.6075, 1.0000)]
    public void Compute_NewcombesExamples_MatchMethod10(long x1, long n1, long x2, long n2, double lower, double upper)
    {
        var d = NewcombeDifferenceInterval.Compute(x1, n1, x2, n2);

        Assert.Equal((double)x1 / n1 - (double)x2 / n2, d.Value, 12);
        Assert.Equal(lower, d.Lower, 4);
        Assert.Equal(upper, d.Upper, 4);
    }

    [Fact]
    public void Compute_NoTrialsOnOneSide_IsNotDefined()
    {
        Assert.True(double.IsNaN(NewcombeDifferenceInterval.Compute(0, 0, 3, 10).Value));
    }
}
