namespace Quality.Domain.Geometry;

/// <summary>Annotation size over reference size, NaN (undefined) when the reference size is zero.</summary>
internal static class SizeRatio
{
    public static double Of(double annotation, double reference) => reference == 0 ? double.NaN : annotation / reference;
}
