using Quality.Domain.Audit;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Audit;

public sealed class ReportTextTests
{
    [Fact]
    public void Figure_UnderACommaDecimalCulture_WritesAPointAndFourDecimals()
    {
        using var culture = CommaDecimalCulture.Use();

        Assert.Equal("0,5", 0.5.ToString(System.Globalization.CultureInfo.CurrentCulture)); // the culture is in force
        Assert.Equal("0.7434", ReportText.Figure(113.0 / 152));
        Assert.Equal("-0.0641", ReportText.Figure(-0.06409));
        Assert.Equal("1", ReportText.Figure(1.0));
        Assert.Equal("0.8 at 25.11", ReportText.Invariant($"{0.8} at {25.11}"));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Figure_NotFinite_SaysUndefinedWithTheReason(double value)
    {
        Assert.Equal("undefined (no unit has two or more values)", ReportText.Figure(value, "no unit has two or more values"));
        Assert.Equal("undefined", ReportText.Figure(value));
    }

    [Fact]
    public void Figure_NullableWithoutAReason_SaysUndefined()
    {
        Assert.Equal("undefined", ReportText.Figure(null, null));
        Assert.Equal("0.25", ReportText.Figure(0.25, "unused"));
    }
}
