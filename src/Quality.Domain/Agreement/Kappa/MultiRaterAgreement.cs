namespace Quality.Domain.Agreement.Kappa;

/// <summary>
/// What every multi-rater coefficient shares (Gwet 2014, ch. 2 and 5; irrCAC <c>*.raw</c>): per-unit agreement,
/// pooled category shares π_k, p_a, and the linearised variance over units.
/// </summary>
/// <remarks>
/// <para>
/// With r*_ik = Σ_l w_kl r_il: p_a|i = Σ_k r_ik (r*_ik − 1) / (r_i (r_i − 1)) for units with r_i ≥ 2, and
/// p_a = mean of p_a|i over those n₂ units; π_k = (1/n) Σ_i r_ik / r_i over the n units with a rating.
/// </para>
/// <para>
/// Variance: c_i = (n/n₂)(p_a|i − p_e·[r_i ≥ 2])/(1 − p_e) − 2(1 − c)(p_e|i − p_e)/(1 − p_e) and
/// v(c) = (1 − f)/(n(n − 1))·Σ_i (c_i − c)², with f = 0 (infinite population of units); p_e|i is the
/// coefficient's per-unit chance agreement (p_e itself when p_e does not depend on the data).
/// </para>
/// </remarks>
internal sealed class MultiRaterAgreement
{
    private readonly List<Unit> _units = [];

    private MultiRaterAgreement(RatingTable ratings, AgreementWeights weights)
    {
        Categories = ratings.CategoryCount;
        Weights = WeightMatrix.Create(weights, Categories);
        Pooled = new double[Categories];
        double agreement = 0;
        foreach (var (counts, multiplicity) in ratings.Rows)
        {
            var unit = new Unit(counts, multiplicity, counts.Sum(), PairAgreement(counts));
            _units.Add(unit);
            N += multiplicity;
            Ratings += multiplicity * unit.Raters;
            for (var k = 0; k < Categories; k++)
            {
                Pooled[k] += multiplicity * counts[k] / (double)unit.Raters;
            }

            if (unit.Raters >= 2)
            {
                N2 += multiplicity;
                agreement += multiplicity * unit.Agreement;
            }
        }

        for (var k = 0; k < Categories; k++)
        {
            Pooled[k] = N == 0 ? 0 : Pooled[k] / N;
        }

        PercentAgreement = N2 == 0 ? double.NaN : agreement / N2;
    }

    public int Categories { get; }

    public double[][] Weights { get; }

    /// <summary>n: units with at least one rating.</summary>
    public long N { get; }

    /// <summary>n₂: units with at least two ratings (the ones p_a rests on).</summary>
    public long N2 { get; }

    public long Ratings { get; }

    /// <summary>π_k, the mean over units of the share of a unit's raters choosing k.</summary>
    public double[] Pooled { get; }

    public double PercentAgreement { get; }

    /// <summary>The distinct units with their rater counts r_i.</summary>
    public IReadOnlyList<Unit> Units => _units;

    /// <summary>The shared state, or the reason no coefficient is defined on these ratings.</summary>
    public static MultiRaterAgreement For(RatingTable ratings, AgreementWeights weights, out string? undefinedReason)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var agreement = new MultiRaterAgreement(ratings, weights);
        undefinedReason = agreement.N2 == 0 ? "no unit has two or more ratings, so no pair of ratings can agree" : null;
        return agreement;
    }

    public AgreementEstimate Undefined(string reason) => AgreementEstimate.Undefined(reason, N, Ratings);

    /// <summary>(p_a − p_e)/(1 − p_e) with the variance in the remarks and the t(n − 1) interval; undefined when p_e = 1.</summary>
    /// <param name="chanceAgreement">p_e.</param>
    /// <param name="unitChance">p_e|i for a unit; null when p_e does not depend on the data.</param>
    public AgreementEstimate Estimate(double chanceAgreement, Func<Unit, double>? unitChance, double level) =>
        AgreementEstimate.ChanceCorrected(
            PercentAgreement,
            chanceAgreement,
            coefficient => StandardError(coefficient, chanceAgreement, unitChance),
            N,
            Ratings,
            level);

    /// <summary>√v(c), v as in the remarks (f = 0); NaN for a single unit.</summary>
    private double StandardError(double coefficient, double chanceAgreement, Func<Unit, double>? unitChance)
    {
        double sum = 0;
        foreach (var unit in _units)
        {
            var paired = unit.Raters >= 2 ? unit.Agreement - chanceAgreement : 0;
            var chance = unitChance?.Invoke(unit) ?? chanceAgreement;
            var linearised = (N / (double)N2) * paired / (1 - chanceAgreement)
                - 2 * (1 - coefficient) * (chance - chanceAgreement) / (1 - chanceAgreement);
            sum += unit.Multiplicity * (linearised - coefficient) * (linearised - coefficient);
        }

        return N < 2 ? double.NaN : Math.Sqrt(sum / (N * (N - 1.0)));
    }

    /// <summary>p_a|i, 0 for a unit with fewer than two ratings (it does not enter p_a).</summary>
    /// <remarks>
    /// Sums over the categories the unit's raters chose only (at most r_i of the q): a category with r_ik = 0 adds
    /// exactly 0 to either sum, so the result is the same, and a field of thousands of categories (a nuScenes box's
    /// <c>num_lidar_pts</c>) costs r_i² per unit instead of q².
    /// </remarks>
    private double PairAgreement(int[] counts)
    {
        var raters = counts.Sum();
        if (raters < 2)
        {
            return 0;
        }

        Span<int> chosen = raters <= 64 ? stackalloc int[raters] : new int[raters];
        var n = 0;
        for (var k = 0; k < Categories; k++)
        {
            if (counts[k] != 0)
            {
                chosen[n++] = k;
            }
        }

        double sum = 0;
        foreach (var k in chosen[..n])
        {
            double weighted = 0;
            foreach (var l in chosen[..n])
            {
                weighted += Weights[k][l] * counts[l];
            }

            sum += counts[k] * (weighted - 1);
        }

        return sum / (raters * (raters - 1.0));
    }

    /// <summary>One distinct row of the table: its counts r_ik, multiplicity, r_i and p_a|i.</summary>
    internal sealed record Unit(int[] Counts, long Multiplicity, int Raters, double Agreement);
}
