namespace Quality.Domain.Agreement;

/// <summary>How reliably one category is told apart from the others.</summary>
/// <param name="Value">The category.</param>
/// <param name="PairableValues">n_c: how often it was given in units with at least two values.</param>
/// <param name="OneVersusRestAlpha">Nominal alpha after mapping every value to "this category" or "another"; NaN when
/// the category is never or always given.</param>
/// <param name="SpecificAgreement">Σ_u n_uc(n_uc − 1)/(m_u − 1) / Σ_u n_uc = o_cc/n_c: of the pairs that start with this
/// category, the share whose partner gave it too (positive specific agreement); NaN when n_c = 0.</param>
public readonly record struct CategoryAgreement(string Value, long PairableValues, double OneVersusRestAlpha, double SpecificAgreement)
{
    /// <summary>Lower bound of the percentile bootstrap interval of <see cref="OneVersusRestAlpha"/>; NaN when not drawn or undefined.</summary>
    public double AlphaLower { get; init; } = double.NaN;

    /// <summary>Upper bound of that interval; NaN when not drawn or undefined.</summary>
    public double AlphaUpper { get; init; } = double.NaN;
}
