namespace Quality.Domain.Spc.Series;

/// <summary>One delivery's figure in a stored series, in delivery order.</summary>
/// <param name="Label">The batch id or CSV row label, used in errors and output.</param>
/// <param name="Count">Nonconforming items (p) or defects (u); required by the p, u and Laney charts.</param>
/// <param name="Size">Items inspected (p) or inspection units (u); required by the p, u and Laney charts, positive.</param>
/// <param name="Value">The measured value; required by the I-MR, EWMA and CUSUM charts.</param>
/// <param name="Phase">A key that changes when the limits must be re-estimated, e.g. "taxonomy@1.2.0|standard@3".</param>
public sealed record SeriesPoint(string Label, double? Count, double? Size, double? Value, string Phase)
{
    /// <summary>
    /// The assignable cause found for this delivery (e.g. a system error raised on it), or null when none is known. Phase
    /// I drops an out-of-control baseline point only when it has one (Montgomery's procedure); one without a cause stays
    /// in the baseline and is reported as retained.
    /// </summary>
    public string? AssignableCause { get; init; }
}
