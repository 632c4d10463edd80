namespace Quality.Domain.Matching;

/// <summary>A rate (precision, recall, F1) with the bounds of its 95% interval; all NaN when it is not defined.</summary>
public readonly record struct RateEstimate(double Value, double Lower, double Upper)
{
    public static RateEstimate NotDefined { get; } = new(double.NaN, double.NaN, double.NaN);
}
