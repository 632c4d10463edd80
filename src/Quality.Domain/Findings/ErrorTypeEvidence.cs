using System.Text;

namespace Quality.Domain.Findings;

/// <summary>Everything measured on one error type of a delivery before its p-values are adjusted and it is classified.</summary>
/// <param name="Annotators">The annotators with opportunities, ordered by id (so the result does not depend on input order).</param>
internal sealed record ErrorTypeEvidence(
    ErrorObservation Observation, AnnotatorErrors[] Annotators, PooledRate Pooled, ElevationTest Elevation, HomogeneityTest Homogeneity, FunnelPoint[] Funnel)
{
    /// <summary>Two annotators and the minimum opportunities: only then are its tests members of the delivery's families.</summary>
    public bool IsTestable { get; init; }

    public static ErrorTypeEvidence Gather(ErrorObservation observation, ErrorSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var annotators = Validated(observation);
        long errors = annotators.Sum(a => a.Errors), opportunities = annotators.Sum(a => a.Opportunities);
        var pooled = PooledRate.Of(errors, opportunities);
        var funnel = FunnelPlot.Points(annotators, options.FunnelLevel);
        if (annotators.Length < 2 || opportunities < options.MinOpportunities || opportunities == 0)
        {
            return new ErrorTypeEvidence(
                observation, annotators, pooled, ElevationTest.NotTested(errors), HomogeneityTest.NotDefined(annotators.Length, double.NaN), funnel);
        }

        var random = new Random(StreamSeed(options.Seed, observation.Type.Key));
        var homogeneity = ChiSquareHomogeneity.Test(
            [.. annotators.Select(a => a.Errors)], [.. annotators.Select(a => a.Opportunities)], options.MonteCarloReplicates, random);
        var elevation = ElevationTesting.Test(errors, opportunities, observation.Baseline, options.MaxAcceptableRate);
        return new ErrorTypeEvidence(observation, annotators, pooled, elevation, homogeneity, funnel) { IsTestable = true };
    }

    private static AnnotatorErrors[] Validated(ErrorObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation.Type);
        ArgumentNullException.ThrowIfNull(observation.Annotators);
        foreach (var a in observation.Annotators)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(a.Annotator, nameof(observation));
            ArgumentOutOfRangeException.ThrowIfNegative(a.Errors, nameof(observation));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(a.Errors, a.Opportunities, nameof(observation));
        }

        if (observation.Baseline is { } b && (b.Errors < 0 || b.Errors > b.Opportunities))
        {
            throw new ArgumentException($"The baseline of {observation.Type.Key} has errors outside [0, opportunities].", nameof(observation));
        }

        var annotators = observation.Annotators.Where(a => a.Opportunities > 0).OrderBy(a => a.Annotator, StringComparer.Ordinal).ToArray();
        for (var i = 1; i < annotators.Length; i++)
        {
            if (annotators[i].Annotator == annotators[i - 1].Annotator)
            {
                throw new ArgumentException($"Annotator {annotators[i].Annotator} appears twice in {observation.Type.Key}.", nameof(observation));
            }
        }

        return annotators;
    }

    // FNV-1a over the key: each error type gets its own stream, independent of the order of the observations.
    internal static int StreamSeed(int seed, string key)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash & int.MaxValue);
    }
}
