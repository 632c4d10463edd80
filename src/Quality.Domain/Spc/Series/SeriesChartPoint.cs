namespace Quality.Domain.Spc.Series;

/// <summary>One charted point of a series.</summary>
/// <param name="Index">1-based index into the whole series (the numbering of <see cref="ControlSignal.Points"/>).</param>
/// <param name="Label">The point's label.</param>
/// <param name="Phase">The point's phase key.</param>
/// <param name="PhaseIndex">1-based index of its phase in <see cref="SeriesChartResult.Phases"/>.</param>
/// <param name="Value">The plotted statistic: p_i, u_i, x_i, EWMA_t; for CUSUM the observation x_t (the sums are <see cref="CusumUpper"/> and <see cref="CusumLower"/>).</param>
/// <param name="Center">The centre line; NaN while warming up.</param>
/// <param name="Lower">The lower control limit; NaN while warming up and for CUSUM.</param>
/// <param name="Upper">The upper control limit; NaN while warming up and for CUSUM.</param>
/// <param name="Z">(Value − Center)/σ, the input of the run rules; NaN where undefined.</param>
/// <param name="InBaseline">True for the baseline points of its phase (all points of a phase warming up or in Phase I).</param>
/// <param name="Excluded">True for a baseline point excluded from the revised limits: out of control, with an assignable cause.</param>
public sealed record SeriesChartPoint(
    int Index, string Label, string Phase, int PhaseIndex, double Value, double Center, double Lower, double Upper, double Z,
    bool InBaseline, bool Excluded)
{
    /// <summary>The point's assignable cause as given (<see cref="SeriesPoint.AssignableCause"/>); null when none is known.</summary>
    public string? AssignableCause { get; init; }

    /// <summary>|x_i − x_{i−1}| within the phase (I-MR only); NaN at a phase's first point; null for other charts.</summary>
    public double? MovingRange { get; init; }

    /// <summary>C+_t (CUSUM only).</summary>
    public double? CusumUpper { get; init; }

    /// <summary>C−_t, plotted positive (CUSUM only).</summary>
    public double? CusumLower { get; init; }

    /// <summary>h·σ, the limit of both sums (CUSUM only).</summary>
    public double? DecisionInterval { get; init; }

    /// <summary>True when the point is strictly beyond a defined limit (or a CUSUM sum above h).</summary>
    public bool IsBeyondLimits => Value > Upper || Value < Lower || CusumUpper > DecisionInterval || CusumLower > DecisionInterval;
}
