namespace Quality.Domain.Spc;

/// <summary>The rule a <see cref="ControlSignal"/> comes from.</summary>
public enum SpcRule
{
    /// <summary>A point strictly outside the chart's own control limits.</summary>
    BeyondLimits,

    /// <summary>WECO 1: one point beyond 3σ.</summary>
    WesternElectric1,

    /// <summary>WECO 2: two of three successive points beyond 2σ on the same side.</summary>
    WesternElectric2,

    /// <summary>WECO 3: four of five successive points beyond 1σ on the same side.</summary>
    WesternElectric3,

    /// <summary>WECO 4: eight successive points on the same side of the centre line.</summary>
    WesternElectric4,

    /// <summary>Nelson 1: one point more than 3σ from the mean.</summary>
    Nelson1,

    /// <summary>Nelson 2: nine points in a row on the same side of the mean.</summary>
    Nelson2,

    /// <summary>Nelson 3: six points in a row continually increasing or decreasing.</summary>
    Nelson3,

    /// <summary>Nelson 4: fourteen points in a row alternating up and down.</summary>
    Nelson4,

    /// <summary>Nelson 5: two of three points in a row beyond 2σ in the same direction.</summary>
    Nelson5,

    /// <summary>Nelson 6: four of five points in a row beyond 1σ in the same direction.</summary>
    Nelson6,

    /// <summary>Nelson 7: fifteen points in a row within 1σ of the mean.</summary>
    Nelson7,

    /// <summary>Nelson 8: eight points in a row none within 1σ, on both sides of the mean.</summary>
    Nelson8,

    /// <summary>Tabular CUSUM: C+ above the decision interval h.</summary>
    CusumUpper,

    /// <summary>Tabular CUSUM: C− above the decision interval h.</summary>
    CusumLower,
}
