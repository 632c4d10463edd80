namespace Quality.Domain.Agreement.Kappa;

/// <summary>A two-sided confidence interval at <see cref="Level"/> (NaN bounds when it cannot be formed).</summary>
public readonly record struct ConfidenceInterval(double Lower, double Upper, double Level)
{
    /// <summary>The interval that cannot be formed (undefined coefficient or standard error).</summary>
    public static ConfidenceInterval Undefined(double level) => new(double.NaN, double.NaN, level);

    public bool Contains(double value) => value >= Lower && value <= Upper;
}
