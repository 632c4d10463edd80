namespace Quality.Domain.Findings;

/// <summary>Tells an individual annotator's error from a labeling-system error, per error type of one delivery.</summary>
/// <remarks>
/// Per error type: Pearson's chi-square homogeneity test across annotators (Monte Carlo with fixed margins below
/// Cochran's rule), a one-sided exact elevation test of the pooled rate against history, and a funnel plot
/// (Spiegelhalter 2005) of each annotator against the others. Homogeneity and elevation p-values are adjusted
/// separately over all testable error types of the delivery (Holm or Benjamini–Hochberg), then
/// <see cref="ErrorSourceClassifier"/> decides. Deterministic for a given <see cref="ErrorSourceOptions.Seed"/>, and
/// independent of the order of the observations and of the annotators within one.
/// </remarks>
public static class ErrorSourceAnalysis
{
    /// <summary>Analyses all error types of one delivery together; one verdict per observation, in input order.</summary>
    public static IReadOnlyList<ErrorSourceVerdict> Analyze(IReadOnlyList<ErrorObservation> observations, ErrorSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        options ??= new ErrorSourceOptions();
        options.Validate();

        var evidence = observations.Select(o => ErrorTypeEvidence.Gather(o, options)).ToArray();
        var homogeneity = MultipleTesting.Adjust([.. evidence.Select(e => e.Homogeneity.PValue)], options.MultipleTesting);
        var elevation = MultipleTesting.Adjust([.. evidence.Select(e => e.Elevation.PValue)], options.MultipleTesting);
        var verdicts = new ErrorSourceVerdict[evidence.Length];
        for (var i = 0; i < evidence.Length; i++)
        {
            var e = evidence[i] with
            {
                Homogeneity = evidence[i].Homogeneity with { AdjustedPValue = homogeneity[i] },
                Elevation = evidence[i].Elevation with { AdjustedPValue = elevation[i] },
            };
            var reason = ErrorSourceClassifier.Classify(e, options);
            var source = ErrorSourceClassifier.Source(reason);
            verdicts[i] = new ErrorSourceVerdict(
                e.Observation.Type,
                source,
                e.Pooled,
                e.Observation.Baseline,
                e.Elevation,
                e.Homogeneity,
                e.Funnel,
                [.. VerdictWording.Flagged(e, options)],
                VerdictWording.Statement(e, reason, options),
                VerdictWording.Action(e, reason, options));
        }

        return verdicts;
    }
}
