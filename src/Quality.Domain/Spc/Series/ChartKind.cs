namespace Quality.Domain.Spc.Series;

/// <summary>The chart a series is drawn on; <see cref="ChartKinds"/> parses and prints the command-line names.</summary>
public enum ChartKind
{
    /// <summary>p chart of Count/Size ("p").</summary>
    P,

    /// <summary>Laney p′ chart of Count/Size ("laney-p").</summary>
    LaneyP,

    /// <summary>u chart of Count/Size ("u").</summary>
    U,

    /// <summary>Laney u′ chart of Count/Size ("laney-u").</summary>
    LaneyU,

    /// <summary>Individuals chart of Value, with moving ranges ("imr").</summary>
    Individuals,

    /// <summary>EWMA chart of Value ("ewma").</summary>
    Ewma,

    /// <summary>Tabular CUSUM of Value ("cusum").</summary>
    Cusum,
}
