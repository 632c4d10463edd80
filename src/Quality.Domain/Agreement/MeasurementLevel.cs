namespace Quality.Domain.Agreement;

/// <summary>
/// The level of measurement of a field's values (Stevens 1946), which fixes the difference function δ² of
/// <see cref="KrippendorffAlpha"/>.
/// </summary>
public enum MeasurementLevel
{
    /// <summary>Unordered categories: δ²(c, k) = [c ≠ k]. Values are compared as ordinal strings.</summary>
    Nominal,

    /// <summary>
    /// Ordered categories: δ²(c, k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)². The order is an explicit ordered value domain
    /// when one is given, else numeric when every value parses as an invariant-culture number, else ordinal string order.
    /// </summary>
    Ordinal,

    /// <summary>Invariant-culture numbers on an interval scale: δ²(c, k) = (c − k)².</summary>
    Interval,

    /// <summary>Non-negative invariant-culture numbers on a ratio scale: δ²(c, k) = ((c − k)/(c + k))², with δ²(0, 0) = 0.</summary>
    Ratio,
}
