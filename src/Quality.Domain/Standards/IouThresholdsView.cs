namespace Quality.Domain.Standards;

/// <summary>The <c>matching.iou</c> section of a standard: τ for classes without their own, and τ per class.</summary>
public sealed record IouThresholdsView(double Default, IReadOnlyDictionary<string, double> Classes);
