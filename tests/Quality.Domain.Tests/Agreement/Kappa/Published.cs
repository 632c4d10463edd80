namespace Quality.Domain.Tests.Agreement.Kappa;

/// <summary>Assertions at a published value's own precision: ±0.5 unit of its last printed decimal.</summary>
internal static class Published
{
    public static void Equal(double expected, double actual, int decimals)
    {
        var tolerance = 0.5 * Math.Pow(10, -decimals);
        Assert.True(
            Math.Abs(actual - expected) <= tolerance,
            $"expected {expected} (±{tolerance}), got {actual:R}");
    }
}
