namespace Quality.Domain.Sampling;

/// <summary>A population error rate estimated from a reviewed sample, with its standard error and normal interval.</summary>
/// <param name="Reviewed">How many sampled items had a review result.</param>
/// <param name="NotDefinedReason">Why the rate or its interval is NaN, or null when both are defined.</param>
public sealed record ErrorRateEstimate(double Rate, double StandardError, double Lower, double Upper, int Reviewed, string? NotDefinedReason);
