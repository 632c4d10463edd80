using Quality.Domain.Agreement;

namespace Quality.Domain.Tests.Agreement;

public sealed class StatisticNamesTests
{
    [Theory]
    [InlineData(MeasurementLevel.Nominal, "Krippendorff's alpha (nominal)")]
    [InlineData(MeasurementLevel.Ordinal, "Krippendorff's alpha (ordinal)")]
    [InlineData(MeasurementLevel.Interval, "Krippendorff's alpha (interval)")]
    [InlineData(MeasurementLevel.Ratio, "Krippendorff's alpha (ratio)")]
    public void KrippendorffAlpha_IsNamedWithItsLevel(MeasurementLevel level, string name) =>
        Assert.Equal(name, StatisticNames.KrippendorffAlpha(level));
}
