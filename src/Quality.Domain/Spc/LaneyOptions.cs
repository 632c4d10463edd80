namespace Quality.Domain.Spc;

/// <summary>Parameters of the Laney p′ and u′ charts.</summary>
public sealed record LaneyOptions
{
    /// <summary>
    /// |σ_Z − 1| above which the chart states over- or underdispersion. 0.2 is this project's convention, not Laney's:
    /// Laney (2002) gives no threshold; Minitab's P chart diagnostic uses a simulation interval instead.
    /// </summary>
    public double DispersionTolerance { get; init; } = 0.2;
}
