namespace Quality.Domain.Agreement.Kappa;

/// <summary>Gwet's AC1 (nominal) and, with weights, AC2 (Gwet 2008; Gwet 2014, Handbook of Inter-Rater Reliability).</summary>
/// <remarks>
/// <para>
/// AC = (p_a − p_e)/(1 − p_e) with p_e = T_w/(q(q − 1))·Σ_k π_k(1 − π_k), T_w = Σ_kl w_kl (T_w = q unweighted),
/// over the q categories of the table as given (unused categories count).
/// </para>
/// <para>
/// Two raters (irrCAC <c>gwet.ac1.table</c>): π_k = (p_k+ + p_+k)/2; the variance is
/// <see cref="TwoRaterAgreement"/>'s with g_kl = T_w(1 − (π_k + π_l)/2)/(q(q − 1)).
/// Several raters with missing ratings (irrCAC <c>gwet.ac1.raw</c>): p_a and π_k as in
/// <see cref="MultiRaterAgreement"/>, p_e|i = T_w/(q(q − 1))·Σ_k r_ik(1 − π_k)/r_i.
/// Both use f = 0 and the t(n − 1) interval with the upper bound capped at 1.
/// </para>
/// <para>Not defined with fewer than two categories, no pairable ratings, or p_e = 1.</para>
/// </remarks>
public static class GwetAc1
{
    public static AgreementEstimate Compute(
        ContingencyTable table, AgreementWeights weights = AgreementWeights.Unweighted, double level = Intervals.DefaultLevel)
    {
        Intervals.ThrowIfInvalidLevel(level);
        var agreement = TwoRaterAgreement.For(table, weights, out var undefined);
        if (undefined is not null || agreement.Categories < 2)
        {
            return agreement.Undefined(undefined ?? SingleCategory);
        }

        var pooled = agreement.Pooled;
        var scale = Scale(agreement.Weights);
        var chance = scale * pooled.Sum(p => p * (1 - p));
        return agreement.Estimate(chance, (k, l) => scale * (1 - (pooled[k] + pooled[l]) / 2), level);
    }

    public static AgreementEstimate Compute(
        RatingTable ratings, AgreementWeights weights = AgreementWeights.Unweighted, double level = Intervals.DefaultLevel)
    {
        Intervals.ThrowIfInvalidLevel(level);
        var agreement = MultiRaterAgreement.For(ratings, weights, out var undefined);
        if (undefined is not null || agreement.Categories < 2)
        {
            return agreement.Undefined(undefined ?? SingleCategory);
        }

        var pooled = agreement.Pooled;
        var scale = Scale(agreement.Weights);
        var chance = scale * pooled.Sum(p => p * (1 - p));
        return agreement.Estimate(
            chance,
            unit => scale * unit.Counts.Select((r, k) => r * (1 - pooled[k])).Sum() / unit.Raters,
            level);
    }

    private const string SingleCategory = "AC1 needs at least two categories (its chance agreement divides by q − 1)";

    /// <summary>T_w / (q(q − 1)).</summary>
    private static double Scale(double[][] weights) =>
        WeightMatrix.Total(weights) / (weights.Length * (weights.Length - 1.0));
}
