using System.Globalization;

namespace Quality.Domain.RootCauses;

/// <summary>The sentence a concentration is read as, e.g. "missed where tag.time_of_day = night: detection recall 0.61 (95% CI …) vs 0.89 elsewhere …".</summary>
public static class ConcentrationWording
{
    internal static string Statement(Concentration c)
    {
        var where = Where(c.Where);
        var figures = c.ErrorKind == RootCauseKinds.Missed
            // A missed gold object is one the matching found no annotator object for: 1 − miss rate is detection recall.
            ? Invariant($"detection recall {1 - c.Rate:0.00} (95% CI {1 - c.RateCi95[1]:0.00}–{1 - c.RateCi95[0]:0.00}) vs {1 - c.RestRate:0.00} elsewhere")
            : Invariant($"{c.ErrorKind} rate {Percent(c.Rate)} (95% CI {Percent(c.RateCi95[0])}–{Percent(c.RateCi95[1])}) vs {Percent(c.RestRate)} elsewhere");
        var size = Invariant($"{c.Errors} of {c.Opportunities} {Opportunities(c.ErrorKind)}") +
            (c.RateRatio is { } ratio ? Invariant($", {ratio:0.0}× the rest") : ", none elsewhere");
        var who = c.Source switch
        {
            ConcentrationSource.System => Invariant($"{Spread(c.Annotators)} — system; fix the guideline or tool for {where}"),
            ConcentrationSource.Individual => $"concentrated in {Individuals(c)} — individual; coach them on {where}",
            _ => Invariant($"{Spread(c.Annotators)} — not attributed (see the annotators' rates)"),
        };
        return $"{c.ErrorKind} where {where}: {figures} ({size}); {who}";
    }

    /// <summary>The named annotators with their rate inside, and the others' pooled rate inside when there are others.</summary>
    private static string Individuals(Concentration c)
    {
        var named = c.Annotators.PerAnnotator.Where(a => c.Individuals.Contains(a.Annotator)).ToList();
        var rates = string.Join(", ", c.Individuals.Select(name => named.FirstOrDefault(a => a.Annotator == name) is { } a ? $"{name} {Percent(a.Rate)}" : name));
        long errors = c.Errors - named.Sum(a => a.Errors), opportunities = c.Opportunities - named.Sum(a => a.Opportunities);
        return opportunities > 0 && named.Count > 0 ? Invariant($"{rates}; the others {Percent((double)errors / opportunities)} there") : rates;
    }

    /// <summary>"class = pedestrian and range = ≥60 m".</summary>
    public static string Where(IEnumerable<StratumCondition> where) => string.Join(" and ", where.Select(w => $"{w.Stratum} = {w.Level}"));

    private static string Spread(AnnotatorSpread spread) => spread.AboveTheirRest == spread.Annotators
        ? Invariant($"all {spread.Annotators} annotators above their own rate elsewhere")
        : Invariant($"{spread.AboveTheirRest} of {spread.Annotators} annotators above their own rate elsewhere");

    private static string Opportunities(string kind) => kind switch
    {
        RootCauseKinds.Missed => "gold objects",
        RootCauseKinds.Extra => "annotator objects",
        _ => "matched pairs",
    };

    private static string Percent(double rate) => Invariant($"{100 * rate:0.0}%");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
