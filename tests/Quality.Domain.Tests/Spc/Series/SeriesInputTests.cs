using Quality.Domain.Spc.Series;

namespace Quality.Domain.Tests.Spc.Series;

public sealed class SeriesInputTests
{
    [Fact]
    public void Compute_PChartPointWithoutCount_ThrowsNamingLabelAndField()
    {
        SeriesPoint[] points = [new("b1", 1, 10, null, ""), new("batch-7", null, 10, null, "")];

        var e = Assert.Throws<ArgumentException>(() => SeriesChart.Compute(points, new SeriesChartOptions { Chart = ChartKind.P }));

        Assert.StartsWith("Point 2 ('batch-7'): Count is required for a p chart.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_EwmaPointWithoutValue_ThrowsNamingValue()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            SeriesChart.Compute([new SeriesPoint("x", 1, 2, null, "")], new SeriesChartOptions { Chart = ChartKind.Ewma }));

        Assert.Contains("Value is required for a ewma chart", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_CountAboveSizeOnP_Throws() =>
        Assert.Throws<ArgumentException>(() =>
            SeriesChart.Compute([new SeriesPoint("x", 3, 2, null, "")], new SeriesChartOptions { Chart = ChartKind.P }));

    [Fact]
    public void Compute_CountAboveSizeOnU_IsFine() =>
        Assert.Single(SeriesChart.Compute([new SeriesPoint("x", 3, 2, null, "")], new SeriesChartOptions { Chart = ChartKind.U }).Points);

    [Theory]
    [InlineData("p", ChartKind.P)]
    [InlineData("laney-p", ChartKind.LaneyP)]
    [InlineData("U", ChartKind.U)]
    [InlineData("laney-u", ChartKind.LaneyU)]
    [InlineData("imr", ChartKind.Individuals)]
    [InlineData(" ewma", ChartKind.Ewma)]
    [InlineData("cusum", ChartKind.Cusum)]
    public void ChartKinds_Parse_RoundTripsNames(string name, ChartKind kind)
    {
        Assert.Equal(kind, ChartKinds.Parse(name));
        Assert.Equal(name.Trim().ToLowerInvariant(), kind.ToName());
    }

    [Fact]
    public void ChartKinds_TryParse_UnknownIsFalse()
    {
        Assert.False(ChartKinds.TryParse("xbar", out _));
        Assert.Throws<ArgumentException>(() => ChartKinds.Parse("xbar"));
    }

    [Fact]
    public void RuleSets_Parse_RoundTripsNames() =>
        Assert.Equal(["none", "we", "nelson"], RuleSets.All.Select(n => RuleSets.Parse(n).ToName()));
}
