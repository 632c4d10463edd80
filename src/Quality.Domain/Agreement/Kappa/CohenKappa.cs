namespace Quality.Domain.Agreement.Kappa;

/// <summary>Cohen's kappa for two raters, unweighted (Cohen 1960) or weighted (Cohen 1968).</summary>
/// <remarks>
/// <para>
/// κ = (p_o − p_e)/(1 − p_e) with p_o = Σ w_kl p_kl and p_e = Σ w_kl p_k+ p_+l over agreement weights w.
/// </para>
/// <para>
/// Large-sample variances of Fleiss, Cohen &amp; Everitt (1969), as SAS PROC FREQ and statsmodels report them,
/// with w̄_k· = Σ_l w_kl p_+l and w̄_·l = Σ_k w_kl p_k+:
/// var(κ) = [Σ p_kl (w_kl − (w̄_k· + w̄_·l)(1 − κ))² − (κ − p_e(1 − κ))²] / (n(1 − p_e)²) (the ASE, used for the
/// Wald interval κ ± z·ASE); var₀(κ) = [Σ p_k+ p_+l (w_kl − (w̄_k· + w̄_·l))² − p_e²] / (n(1 − p_e)²) under
/// H0: κ = 0, giving Z = κ/ASE₀. Gwet's irrCAC <c>kappa2.table</c> reports the same ASE but a t(n − 1) interval.
/// </para>
/// <para>Not defined for an empty table or when p_e = 1 (both raters used one and the same category).</para>
/// </remarks>
public static class CohenKappa
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

        var q = agreement.Categories;
        var w = agreement.Weights;
        var rowMeans = new double[q];
        var columnMeans = new double[q];
        double chance = 0;
        for (var k = 0; k < q; k++)
        {
            for (var l = 0; l < q; l++)
            {
                rowMeans[k] += w[k][l] * agreement.Columns[l];
                columnMeans[l] += w[k][l] * agreement.Rows[k];
                chance += w[k][l] * agreement.Rows[k] * agreement.Columns[l];
            }
        }

        var estimate = agreement.Estimate(chance, (k, l) => (rowMeans[k] + columnMeans[l]) / 2, level);
        if (!estimate.Defined)
        {
            return estimate;
        }

        double nullSum = 0;
        for (var k = 0; k < q; k++)
        {
            for (var l = 0; l < q; l++)
            {
                var deviation = w[k][l] - (rowMeans[k] + columnMeans[l]);
                nullSum += agreement.Rows[k] * agreement.Columns[l] * deviation * deviation;
            }
        }

        var nullError = Math.Sqrt(Math.Max(nullSum - chance * chance, 0) / (agreement.N * (1 - chance) * (1 - chance)));
        var z = estimate.Coefficient / nullError;
        return estimate with
        {
            Interval = Intervals.Wald(estimate.Coefficient, estimate.StandardError, level),
            StandardErrorUnderNull = nullError,
            Z = z,
            PValue = double.IsNaN(z) ? double.NaN : Intervals.TwoSidedP(z),
        };
    }
}
