using Quality.Domain.Matching;

namespace Quality.Domain.RootCauses;

/// <summary>A subset (a stratum level or an interaction cell) against the rest of its table: effect sizes, who makes it, and its statement.</summary>
internal static class ConcentrationBuilder
{
    /// <returns>Null when the subset is not elevated: its rate is below (1 + MinimumElevation) × the rest's.</returns>
    public static Concentration? Build(
        string kind, IReadOnlyList<StratumCondition> where, CellCounts inside, IReadOnlyDictionary<string, (long Errors, long Opportunities)> table,
        string test, double p, double q, RootCauseOptions options)
    {
        long restErrors = table.Values.Sum(t => t.Errors) - inside.Errors, restOpportunities = table.Values.Sum(t => t.Opportunities) - inside.Opportunities;
        if (inside.Opportunities == 0 || restOpportunities <= 0)
        {
            return null;
        }

        var rate = WilsonScoreInterval.Compute(inside.Errors, inside.Opportunities);
        var rest = WilsonScoreInterval.Compute(restErrors, restOpportunities);
        if (inside.Errors == 0 || rate.Value < (1 + options.MinimumElevation) * rest.Value)
        {
            return null;
        }

        var difference = NewcombeDifferenceInterval.Compute(inside.Errors, inside.Opportunities, restErrors, restOpportunities);
        var (source, individuals, spread) = AnnotatorSpreadTest.Classify(where, inside, table, options);
        var concentration = new Concentration
        {
            ErrorKind = kind,
            Where = where,
            Errors = inside.Errors,
            Opportunities = inside.Opportunities,
            Rate = rate.Value,
            RateCi95 = [rate.Lower, rate.Upper],
            RestErrors = restErrors,
            RestOpportunities = restOpportunities,
            RestRate = rest.Value,
            RestRateCi95 = [rest.Lower, rest.Upper],
            RateRatio = rest.Value > 0 ? rate.Value / rest.Value : null,
            Difference = difference.Value,
            DifferenceCi95 = [difference.Lower, difference.Upper],
            Test = test,
            PValue = p,
            QValue = q,
            ExcessErrors = inside.Errors - (inside.Opportunities * rest.Value),
            Source = source,
            Individuals = individuals,
            Annotators = spread,
            Statement = "",
            Evidence = inside.Examples,
        };
        return concentration with { Statement = ConcentrationWording.Statement(concentration) };
    }
}
