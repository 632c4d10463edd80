using System.Text;
using Quality.Domain.Formats;
using Quality.Domain.Spc.Series;

namespace Quality.Domain.Tests.Spc.Series;

public sealed class SeriesCsvReaderTests
{
    private static Task<IReadOnlyList<SeriesPoint>> Read(string csv, ChartKind chart) =>
        SeriesCsvReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "s.csv", chart, CancellationToken.None);

    [Fact]
    public async Task ReadAsync_AnyOrderAndCase_ExtraColumnsIgnored()
    {
        var points = await Read("Phase,N,extra,COUNT,Label\nv1,50,x,12,b-1\r\nv1,40,y,\"3\",\"b,2\"\n", ChartKind.P);

        Assert.Equal([new SeriesPoint("b-1", 12, 50, null, "v1"), new SeriesPoint("b,2", 3, 40, null, "v1")], points);
    }

    [Fact]
    public async Task ReadAsync_NoLabelOrPhase_NumbersRowsInOnePhase()
    {
        var points = await Read("value\n1.5\n2e1\n", ChartKind.Ewma);

        Assert.Equal([new SeriesPoint("1", null, null, 1.5, ""), new SeriesPoint("2", null, null, 20, "")], points);
    }

    [Theory]
    [InlineData("", ChartKind.P, "s.csv: is empty")]
    [InlineData("count\n1\n", ChartKind.P, "s.csv line 1, field 'n': missing column")]
    [InlineData("count,n\n1,10\nx,10\n", ChartKind.P, "s.csv line 3, field 'count': 'x' is not a finite number")]
    [InlineData("count,n\n11,10\n", ChartKind.P, "s.csv line 2, field 'count': 11 exceeds n = 10")]
    [InlineData("count,n\n1,0\n", ChartKind.U, "s.csv line 2, field 'n': 0 must be greater than 0")]
    [InlineData("value\n", ChartKind.Cusum, "s.csv: has a header but no rows")]
    [InlineData("label,value\nonly\n", ChartKind.Individuals, "s.csv line 2: has 1 columns")]
    public async Task ReadAsync_BadInput_NamesFileLineAndColumn(string csv, ChartKind chart, string message)
    {
        var e = await Assert.ThrowsAsync<DeliveryFormatException>(() => Read(csv, chart));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }
}
