namespace Quality.Domain.Agreement;

/// <summary>Krippendorff's alpha of one field at one measurement level.</summary>
/// <param name="Value">α = 1 − D_o/D_e; NaN when not defined (no unit with two values, or no variation: D_e = 0).</param>
/// <param name="Units">Units with at least two values (the others are left out of alpha).</param>
/// <param name="PairableValues">n = Σ_u m_u over those units.</param>
/// <param name="ObservedDisagreement">D_o = (1/n)·Σ_{c,k} o_ck δ²_ck; NaN when alpha is not defined.</param>
/// <param name="ExpectedDisagreement">D_e = 1/(n(n − 1))·Σ_{c,k} n_c n_k δ²_ck; NaN when alpha is not defined.</param>
public readonly record struct KrippendorffAlphaResult(
    double Value,
    long Units,
    long PairableValues,
    double ObservedDisagreement,
    double ExpectedDisagreement)
{
    /// <summary>False when there is no pairable unit or no variation among the pairable values.</summary>
    public bool IsDefined => !double.IsNaN(Value);

    /// <summary>Why <see cref="Value"/> is NaN, in words; null when it is defined.</summary>
    public string? UndefinedReason => IsDefined ? null : WhyUndefined(Units);

    /// <summary>Why alpha over <paramref name="units"/> units with two or more values is undefined, knowing it is.</summary>
    internal static string WhyUndefined(long units) => units == 0
        ? "no unit has two or more values"
        : "no variation: every pairable value is the same (D_e = 0)";
}
