namespace Quality.Domain.Agreement;

/// <summary>Krippendorff's alpha over a field's <see cref="RatingPatterns"/>, at any measurement level.</summary>
/// <remarks>
/// <para>
/// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": with the coincidences
/// o_ck = Σ_u Σ_{i≠j} [v_ui = c][v_uj = k]/(m_u − 1) over the units with m_u ≥ 2 values, n_c = Σ_k o_ck and n = Σ_c n_c,
/// α = 1 − D_o/D_e = 1 − (n − 1)·Σ_{c,k} o_ck δ²_ck / Σ_{c,k} n_c n_k δ²_ck, with δ² per <see cref="MeasurementLevel"/>.
/// Units with a single value are left out.
/// </para>
/// <para>
/// No value × value matrix is built. The observed term is summed unit pattern by unit pattern,
/// Σ_{i≠j} δ²(v_ui, v_uj)/(m_u − 1); the expected term is the same sum over the marginals n_c. Interval uses
/// Σ_{i≠j}(a_i − a_j)² = 2m·Σ_i (a_i − ā)² (centred, O(V)); ordinal is interval on the mid-ranks
/// r_c = Σ_{g&lt;c} n_g + n_c/2 from cumulative counts, since Σ_{g=c..k} n_g − (n_c + n_k)/2 = r_k − r_c; ratio sums the
/// pairs of distinct values, O(V) memory and O(V²) time for V distinct values, with δ²(0, 0) = 0.
/// </para>
/// <para>
/// Degenerate input is a result, never an exception: no unit with two values, or a single value throughout
/// (D_e = 0), give <see cref="KrippendorffAlphaResult.Value"/> = NaN ("not defined"). Caller bugs (a non-number at the
/// interval level, a negative ratio value, a value outside the ordered domain) throw <see cref="ArgumentException"/>.
/// </para>
/// </remarks>
public static class KrippendorffAlpha
{
    /// <summary>Alpha of <paramref name="ratings"/> at <paramref name="level"/>.</summary>
    /// <param name="orderedValues">Ordinal only: the value domain in ascending order (else numbers ascending, else ordinal strings).</param>
    public static KrippendorffAlphaResult Compute(RatingPatterns ratings, MeasurementLevel level, IReadOnlyList<string>? orderedValues = null) =>
        PairableUnits.From(ratings, Scale(ratings, level, orderedValues)).Alpha();

    /// <summary>A percentile bootstrap confidence interval of alpha, resampling units.</summary>
    /// <remarks>
    /// Each of the B replicates draws as many units as there are units with two or more values, with replacement and
    /// equal probability (a multinomial draw of the pattern counts), and computes alpha on them with the measurement
    /// scale of the full data. The interval is the (1 − confidence)/2 and (1 + confidence)/2 quantiles (linear
    /// interpolation between order statistics, Hyndman–Fan type 7) of the replicates whose alpha is defined; replicates
    /// without variation are dropped and counted out in <see cref="BootstrapInterval.DefinedReplicates"/>.
    /// P(α &lt; threshold) is the share of those replicates below the threshold. The generator is
    /// <see cref="Random(int)"/> seeded with <see cref="BootstrapOptions.Seed"/>, so a seed and data give one interval.
    /// The multinomial is drawn as a chain of conditional binomials over the groups of units with the same values
    /// (<see cref="UnitBootstrap"/>), so time is O(B·S) for S entries of those groups, whatever the number of units;
    /// this resamples units, not Krippendorff's
    /// (2004) pairable values, so units with more annotators weigh as in the estimate itself.
    /// </remarks>
    public static BootstrapInterval Bootstrap(RatingPatterns ratings, MeasurementLevel level, BootstrapOptions options, IReadOnlyList<string>? orderedValues = null) =>
        Bootstrap(PairableUnits.From(ratings, Scale(ratings, level, orderedValues)), options);

    /// <summary>The bootstrap on units already coded, so a caller computing several figures codes them once.</summary>
    internal static BootstrapInterval Bootstrap(PairableUnits units, BootstrapOptions options) => units.Bootstrap(options, perCategory: false).Alpha;

    /// <summary>For every value given in a unit with two or more values, one-versus-rest alpha and specific agreement.</summary>
    /// <remarks>Categories are the distinct strings (nominal), in ordinal order.</remarks>
    public static IReadOnlyList<CategoryAgreement> PerCategory(RatingPatterns ratings) =>
        PairableUnits.From(ratings, Scale(ratings, MeasurementLevel.Nominal, null)).PerCategory();

    /// <summary><see cref="PerCategory(RatingPatterns)"/> with a percentile bootstrap interval of each one-versus-rest alpha.</summary>
    /// <remarks>The replicates resample units as <see cref="Bootstrap(RatingPatterns, MeasurementLevel, BootstrapOptions, IReadOnlyList{string})"/> does.</remarks>
    public static IReadOnlyList<CategoryAgreement> PerCategory(RatingPatterns ratings, BootstrapOptions options) =>
        PairableUnits.From(ratings, Scale(ratings, MeasurementLevel.Nominal, null)).PerCategory(options);

    /// <summary>For every annotator, alpha with their values left out and the change against alpha with everyone.</summary>
    /// <remarks>The measurement scale (the order of ordinal values) stays that of the full data.</remarks>
    public static IReadOnlyList<AnnotatorInfluence> PerAnnotator(RatingPatterns ratings, MeasurementLevel level, IReadOnlyList<string>? orderedValues = null)
    {
        var multisets = new UnitMultisets(ratings, Scale(ratings, level, orderedValues));
        return PerAnnotator(ratings, multisets, multisets.All().Alpha().Value);
    }

    /// <param name="multisets">The units' multisets of points, on the scale of the full data.</param>
    /// <param name="all">Alpha with everyone, on that scale.</param>
    internal static IReadOnlyList<AnnotatorInfluence> PerAnnotator(RatingPatterns ratings, UnitMultisets multisets, double all) =>
        ratings.ValuesByAnnotator()
            .Select(a =>
            {
                var without = multisets.Without(a.Number).Alpha();
                return new AnnotatorInfluence(a.Annotator, a.Values, without, without.Value - all);
            })
            .ToList();

    private static ValueScale Scale(RatingPatterns ratings, MeasurementLevel level, IReadOnlyList<string>? orderedValues)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        return ValueScale.For(ratings.Values, level, orderedValues);
    }
}
