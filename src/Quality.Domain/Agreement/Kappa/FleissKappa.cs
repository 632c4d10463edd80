namespace Quality.Domain.Agreement.Kappa;

/// <summary>Fleiss' kappa for several raters (Fleiss 1971) and Gwet's generalisation to missing ratings.</summary>
/// <remarks>
/// <para>
/// Classic (<see cref="Compute"/>), every unit rated by the same m ≥ 2 raters:
/// P_i = Σ_j n_ij(n_ij − 1)/(m(m − 1)), P̄ = mean P_i, p_j = Σ_i n_ij/(N m), P̄_e = Σ_j p_j², κ = (P̄ − P̄_e)/(1 − P̄_e).
/// Standard error under H0: κ = 0 (Fleiss, Nee &amp; Landis 1979; R irr <c>kappam.fleiss</c>):
/// SE₀ = √2 / (Σ p_j q_j √(N m(m − 1))) · √((Σ p_j q_j)² − Σ p_j q_j(q_j − p_j)), q_j = 1 − p_j, and Z = κ/SE₀.
/// The standard error for the interval is Gwet's (irrCAC <c>fleiss.kappa.dist</c>), as in <see cref="Generalized"/>.
/// Not defined when rater counts differ (use <see cref="Generalized"/>), with fewer than two raters, or when P̄_e = 1.
/// </para>
/// <para>
/// Generalised (<see cref="Generalized"/>; Gwet 2014, irrCAC <c>fleiss.kappa.raw</c>): p_a and π_k as in
/// <see cref="MultiRaterAgreement"/> (units may have different numbers of raters), p_e = Σ_kl w_kl π_k π_l,
/// p_e|i = Σ_k r_ik π̄_k / r_i with π̄_k = Σ_l w_kl π_l; t(n − 1) interval. Equals the classic κ when every unit
/// has the same number of raters.
/// </para>
/// </remarks>
public static class FleissKappa
{
    public static AgreementEstimate Compute(RatingTable ratings, double level = Intervals.DefaultLevel)
    {
        Intervals.ThrowIfInvalidLevel(level);
        var agreement = MultiRaterAgreement.For(ratings, AgreementWeights.Unweighted, out var undefined);
        var raterCounts = agreement.Units.Select(u => u.Raters).Distinct().Order().ToList();
        if (undefined is null && raterCounts.Count > 1)
        {
            undefined = $"units have different numbers of raters ({raterCounts[0]} to {raterCounts[^1]}); " +
                "classic Fleiss' kappa needs the same number for every unit — use the generalised form or Gwet's AC1";
        }

        if (undefined is not null)
        {
            return agreement.Undefined(undefined);
        }

        var estimate = Generalized(agreement, level);
        if (!estimate.Defined)
        {
            return estimate;
        }

        var raters = raterCounts[0];
        var spread = agreement.Pooled.Sum(p => p * (1 - p));
        var skew = agreement.Pooled.Sum(p => p * (1 - p) * (1 - 2 * p));
        var nullError = Math.Sqrt(2 * Math.Max(spread * spread - skew, 0) / (agreement.N * raters * (raters - 1.0))) / spread;
        var z = estimate.Coefficient / nullError;
        return estimate with
        {
            StandardErrorUnderNull = nullError,
            Z = z,
            PValue = double.IsNaN(z) ? double.NaN : Intervals.TwoSidedP(z),
        };
    }

    public static AgreementEstimate Generalized(
        RatingTable ratings, AgreementWeights weights = AgreementWeights.Unweighted, double level = Intervals.DefaultLevel)
    {
        Intervals.ThrowIfInvalidLevel(level);
        var agreement = MultiRaterAgreement.For(ratings, weights, out var undefined);
        return undefined is not null ? agreement.Undefined(undefined) : Generalized(agreement, level);
    }

    private static AgreementEstimate Generalized(MultiRaterAgreement agreement, double level)
    {
        var pooled = agreement.Pooled;
        var weightedPooled = WeightMatrix.Apply(agreement.Weights, pooled);
        var chance = pooled.Select((p, k) => p * weightedPooled[k]).Sum();
        return agreement.Estimate(
            chance,
            unit => unit.Counts.Select((r, k) => r * weightedPooled[k]).Sum() / unit.Raters,
            level);
    }
}
