namespace Quality.Domain.Agreement.Kappa;

/// <summary>Percent agreement p_a, uncorrected for chance, with its standard error (Gwet 2014).</summary>
/// <remarks>
/// Two raters (irrCAC <c>pa2.table</c>): p_a = Σ w_kl p_kl, v = (Σ w_kl² p_kl − p_a²)/n. Several raters
/// (irrCAC <c>pa.coeff.raw</c>): p_a = mean over units with r_i ≥ 2 of p_a|i, variance over units as in
/// <see cref="MultiRaterAgreement"/> with p_e = 0. <see cref="AgreementEstimate.ChanceAgreement"/> is 0;
/// t(n − 1) interval. Not defined without pairable ratings.
/// </remarks>
public static class PercentAgreement
{
    public static AgreementEstimate Compute(
        ContingencyTable table, AgreementWeights weights = AgreementWeights.Unweighted, double level = Intervals.DefaultLevel)
    {
        Intervals.ThrowIfInvalidLevel(level);
        var agreement = TwoRaterAgreement.For(table, weights, out var undefined);
        return undefined is not null ? agreement.Undefined(undefined) : agreement.Estimate(0, chanceGradient: null, level);
    }

    public static AgreementEstimate Compute(
        RatingTable ratings, AgreementWeights weights = AgreementWeights.Unweighted, double level = Intervals.DefaultLevel)
    {
        Intervals.ThrowIfInvalidLevel(level);
        var agreement = MultiRaterAgreement.For(ratings, weights, out var undefined);
        return undefined is not null ? agreement.Undefined(undefined) : agreement.Estimate(0, unitChance: null, level);
    }
}
