namespace Quality.Domain.Sampling;

/// <summary>How the total sample is shared among strata.</summary>
public enum SampleAllocation
{
    /// <summary>n_h ∝ N_h.</summary>
    Proportional,

    /// <summary>n_h ∝ N_h·S_h with S_h = √(p_h(1 − p_h)) from the stratum's expected error rate (Neyman 1934).</summary>
    Neyman,
}
