namespace Quality.Domain.Agreement.Kappa;

/// <summary>Brennan &amp; Prediger's (1981) coefficient: chance agreement from uniform category use.</summary>
/// <remarks>
/// BP = (p_a − p_e)/(1 − p_e) with p_e = T_w/q², T_w = Σ_kl w_kl (1/q unweighted), over the q categories of the
/// table as given. p_e is a constant, so the variance is p_a's scaled by 1/(1 − p_e)² (Gwet 2014; irrCAC
/// <c>bp2.table</c>, <c>bp.coeff.raw</c>); t(n − 1) interval. Not defined without pairable ratings or when p_e = 1
/// (a single category).
/// </remarks>
public static class BrennanPrediger
{
    public static AgreementEstimate Compute(
        ContingencyTable table, AgreementWeights weights = AgreementWeights.Unweighted, double level = Intervals.DefaultLevel)
    {
        Intervals.ThrowIfInvalidLevel(level);
        var agreement = TwoRaterAgreement.For(table, weights, out var undefined);
        return undefined is not null
            ? agreement.Undefined(undefined)
            : agreement.Estimate(UniformChance(agreement.Weights), chanceGradient: null, level);
    }

    public static AgreementEstimate Compute(
        RatingTable ratings, AgreementWeights weights = AgreementWeights.Unweighted, double level = Intervals.DefaultLevel)
    {
        Intervals.ThrowIfInvalidLevel(level);
        var agreement = MultiRaterAgreement.For(ratings, weights, out var undefined);
        return undefined is not null
            ? agreement.Undefined(undefined)
            : agreement.Estimate(UniformChance(agreement.Weights), unitChance: null, level);
    }

    private static double UniformChance(double[][] weights) =>
        WeightMatrix.Total(weights) / ((double)weights.Length * weights.Length);
}
