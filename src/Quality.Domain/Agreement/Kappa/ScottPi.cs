namespace Quality.Domain.Agreement.Kappa;

/// <summary>Scott's pi (Scott 1955) for two raters, with Gwet's variance (irrCAC <c>scott2.table</c>).</summary>
/// <remarks>
/// π = (p_a − p_e)/(1 − p_e) with pooled marginals π_k = (p_k+ + p_+k)/2 and p_e = Σ_kl w_kl π_k π_l.
/// The variance is <see cref="TwoRaterAgreement"/>'s with g_kl = (π̄_k + π̄_l)/2, π̄_k = Σ_l w_kl π_l
/// (Gwet 2014); t(n − 1) interval. Not defined for an empty table or when p_e = 1.
/// </remarks>
public static class ScottPi
{
    public static AgreementEstimate Compute(
        ContingencyTable table, AgreementWeights weights = AgreementWeights.Unweighted, double level = Intervals.DefaultLevel)
    {
        Intervals.ThrowIfInvalidLevel(level);
        var agreement = TwoRaterAgreement.For(table, weights, out var undefined);
        if (undefined is not null)
        {
            return agreement.Undefined(undefined);
        }

        var pooled = agreement.Pooled;
        var weightedPooled = WeightMatrix.Apply(agreement.Weights, pooled);
        var chance = pooled.Select((p, k) => p * weightedPooled[k]).Sum();
        return agreement.Estimate(chance, (k, l) => (weightedPooled[k] + weightedPooled[l]) / 2, level);
    }
}
