using Quality.Domain.Findings;
using Quality.Domain.Matching;

namespace Quality.Domain.RootCauses;

/// <summary>Whether a concentration is the system's or a few annotators': the rule of docs/findings.md, "Structural or individual".</summary>
/// <remarks>
/// Inside the concentration, the annotators' rates are tested for homogeneity (Pearson's χ², Monte Carlo with fixed
/// margins below Cochran's rule, as <see cref="ErrorSourceClassifier"/> tests annotators), unadjusted at α — a lenient
/// test of heterogeneity makes "system" the harder call. In order:
/// <list type="number">
/// <item>the stratum is the annotator, or only one annotator has opportunities there → individual (that annotator);</item>
/// <item>heterogeneous (p ≤ α): the annotators whose Wilson 95% lower bound is above the others' pooled rate there,
/// when they are a minority (1 ≤ f, 2f &lt; k) → individual naming them; else inconclusive;</item>
/// <item>homogeneous and spread — more than half of the annotators with opportunities elsewhere have a higher rate here
/// than their own rate elsewhere → system (a <c>structural</c> finding);</item>
/// <item>otherwise inconclusive.</item>
/// </list>
/// </remarks>
internal static class AnnotatorSpreadTest
{
    public static (ConcentrationSource Source, IReadOnlyList<string> Individuals, AnnotatorSpread Spread) Classify(
        IReadOnlyList<StratumCondition> where, CellCounts inside, IReadOnlyDictionary<string, (long Errors, long Opportunities)> table, RootCauseOptions options)
    {
        var rates = inside.ByAnnotator.Where(a => a.Value.Opportunities > 0).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a =>
        {
            var (restErrors, restOpportunities) = table.GetValueOrDefault(a.Key);
            restErrors -= a.Value.Errors;
            restOpportunities -= a.Value.Opportunities;
            return new AnnotatorRate(a.Key, a.Value.Errors, a.Value.Opportunities, (double)a.Value.Errors / a.Value.Opportunities,
                restOpportunities > 0 ? (double)restErrors / restOpportunities : null);
        }).ToList();
        var k = rates.Count;
        var homogeneity = ChiSquareHomogeneity.Test(
            [.. rates.Select(r => r.Errors)], [.. rates.Select(r => r.Opportunities)], options.MonteCarloReplicates,
            new Random(ErrorTypeEvidence.StreamSeed(options.Seed, "annotators|" + string.Join('|', where.Select(w => $"{w.Stratum}={w.Level}")))));
        var withRest = rates.Where(r => r.RestRate is not null).ToList();
        var above = withRest.Count(r => r.Rate > r.RestRate);
        var spread = new AnnotatorSpread(k, above, homogeneity.Method, Finite(homogeneity.PValue), rates);
        if (where.Any(w => w.Stratum == StratumNames.Annotator))
        {
            return (ConcentrationSource.Individual, [.. where.Where(w => w.Stratum == StratumNames.Annotator).Select(w => w.Level)], spread);
        }

        if (k < 2)
        {
            return (ConcentrationSource.Individual, [.. rates.Select(r => r.Annotator)], spread);
        }

        if (homogeneity.PValue <= options.Alpha)
        {
            var flagged = rates.Where(r =>
            {
                long othersErrors = inside.Errors - r.Errors, othersOpportunities = inside.Opportunities - r.Opportunities;
                return othersOpportunities > 0 && WilsonScoreInterval.Compute(r.Errors, r.Opportunities).Lower > (double)othersErrors / othersOpportunities;
            }).Select(r => r.Annotator).ToList();
            return flagged.Count >= 1 && 2 * flagged.Count < k ? (ConcentrationSource.Individual, flagged, spread) : (ConcentrationSource.Inconclusive, [], spread);
        }

        return 2 * above > withRest.Count ? (ConcentrationSource.System, [], spread) : (ConcentrationSource.Inconclusive, [], spread);
    }

    internal static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
