namespace Quality.Domain.Sampling;

/// <summary>An error rate with its standard error (where the method has one), 95% interval and method; why not, when undefined.</summary>
public sealed record LotRateView(double? Value, double? StandardError, double[]? Ci95, string Method, string? UndefinedReason);
