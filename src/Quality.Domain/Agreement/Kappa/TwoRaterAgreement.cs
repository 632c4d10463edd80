namespace Quality.Domain.Agreement.Kappa;

/// <summary>
/// What every two-rater coefficient shares: cell proportions p_kl, marginals, weighted p_a, and Gwet's
/// linearised variance of (p_a − p_e)/(1 − p_e).
/// </summary>
/// <remarks>
/// Gwet (2014), Handbook of Inter-Rater Reliability, 4th ed., ch. 5, as in irrCAC's <c>*.table</c> functions:
/// v(c) = (1 − f)/(n(1 − p_e)²)·[Σ_kl p_kl d_kl² − (Σ_kl p_kl d_kl)²] with d_kl = w_kl − 2(1 − c)·g_kl, where g_kl
/// is the coefficient's share of the derivative of p_e in cell (k, l) (0 when p_e is a constant). For Cohen, Scott
/// and Gwet Σ p_kl g_kl = p_e, so the centre is irrCAC's p_a − 2(1 − c)p_e; for constant p_e it is p_a.
/// The finite population correction f is 0 here (infinite population of units).
/// </remarks>
internal sealed class TwoRaterAgreement
{
    private TwoRaterAgreement(ContingencyTable table, AgreementWeights weights)
    {
        Categories = table.CategoryCount;
        N = table.Total;
        Weights = WeightMatrix.Create(weights, Categories);
        Cells = new double[Categories][];
        Rows = new double[Categories];
        Columns = new double[Categories];
        for (var k = 0; k < Categories; k++)
        {
            Cells[k] = new double[Categories];
            for (var l = 0; l < Categories; l++)
            {
                var p = N == 0 ? 0 : table[k, l] / (double)N;
                Cells[k][l] = p;
                Rows[k] += p;
                Columns[l] += p;
                PercentAgreement += Weights[k][l] * p;
            }
        }
    }

    public int Categories { get; }

    public long N { get; }

    public double[][] Weights { get; }

    /// <summary>p_kl = n_kl / n.</summary>
    public double[][] Cells { get; }

    /// <summary>p_k+, rater 1's marginal.</summary>
    public double[] Rows { get; }

    /// <summary>p_+l, rater 2's marginal.</summary>
    public double[] Columns { get; }

    /// <summary>π_k = (p_k+ + p_+k)/2, the pooled marginal.</summary>
    public double[] Pooled => [.. Rows.Zip(Columns, (r, c) => (r + c) / 2)];

    /// <summary>p_a = Σ_kl w_kl p_kl.</summary>
    public double PercentAgreement { get; }

    /// <summary>The shared state, or the reason no coefficient is defined on this table.</summary>
    public static TwoRaterAgreement For(ContingencyTable table, AgreementWeights weights, out string? undefinedReason)
    {
        ArgumentNullException.ThrowIfNull(table);
        var agreement = new TwoRaterAgreement(table, weights);
        undefinedReason = agreement.N == 0 ? "the table is empty: no unit was rated by both raters" : null;
        return agreement;
    }

    public AgreementEstimate Undefined(string reason) => AgreementEstimate.Undefined(reason, N, 2 * N);

    /// <summary>
    /// (p_a − p_e)/(1 − p_e) with Gwet's variance and the t(n − 1) interval; undefined when p_e = 1.
    /// </summary>
    /// <param name="chanceAgreement">p_e.</param>
    /// <param name="chanceGradient">g_kl (see the remarks); null when p_e does not depend on the data.</param>
    public AgreementEstimate Estimate(double chanceAgreement, Func<int, int, double>? chanceGradient, double level) =>
        AgreementEstimate.ChanceCorrected(
            PercentAgreement,
            chanceAgreement,
            coefficient => StandardError(coefficient, chanceAgreement, chanceGradient ?? ((_, _) => 0)),
            N,
            2 * N,
            level);

    /// <summary>√v(c), v as in the remarks (f = 0).</summary>
    public double StandardError(double coefficient, double chanceAgreement, Func<int, int, double> chanceGradient)
    {
        double sum = 0;
        double centre = 0;
        for (var k = 0; k < Categories; k++)
        {
            for (var l = 0; l < Categories; l++)
            {
                var deviation = Weights[k][l] - 2 * (1 - coefficient) * chanceGradient(k, l);
                sum += Cells[k][l] * deviation * deviation;
                centre += Cells[k][l] * deviation;
            }
        }

        var variance = (sum - centre * centre) / (N * (1 - chanceAgreement) * (1 - chanceAgreement));
        return Math.Sqrt(Math.Max(variance, 0));
    }
}
