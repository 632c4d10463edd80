using System.Text.Json.Serialization;
using Quality.Domain.Audit;

namespace Quality.Domain.RootCauses;

/// <summary>
/// The drill-down of one delivery (or batch): the ranked list of where errors concentrate, every stratum's rates and
/// homogeneity test, and the two-way interaction cells tested. What <c>quality audit --json</c> prints as
/// <c>rootCauses</c> and <c>GET /api/batches/{id}/root-causes</c> serves.
/// </summary>
/// <param name="Ranked">Significant concentrations (main strata and interaction cells), most excess errors first.</param>
/// <param name="Strata">Every (error kind, stratum) table: its levels' rates with Wilson 95% intervals and its χ² test.</param>
/// <param name="Interactions">Every interaction cell tested against the rest of its two strata.</param>
public sealed record RootCauseReport(IReadOnlyList<Concentration> Ranked, IReadOnlyList<StratumTest> Strata, IReadOnlyList<InteractionCell> Interactions)
{
    /// <summary>How the figures were computed, in a sentence a reader can check (docs/findings.md has the derivation).</summary>
    public required string Method { get; init; }

    public static RootCauseReport Empty(string method) => new([], [], []) { Method = method };
}

/// <summary>One level of a stratum: errors of opportunities, the rate and its Wilson 95% interval.</summary>
public sealed record LevelRate(string Level, long Errors, long Opportunities, double Rate, double[] RateCi95);

/// <summary>One error kind by one stratum: the levels' rates and Pearson's χ² homogeneity test, BH-adjusted over all such tests.</summary>
/// <param name="Method"><c>chi-square</c>, <c>monte-carlo</c> (an expected count below 5) or <c>not tested</c>.</param>
/// <param name="QValue">Benjamini–Hochberg adjusted p over every (kind, stratum) test of the delivery.</param>
/// <param name="NotTested">Why there is no test: one level only, too many levels, no errors at all.</param>
public sealed record StratumTest(
    string ErrorKind, string Stratum, IReadOnlyList<LevelRate> Levels, string Method, double? ChiSquare, int DegreesOfFreedom, double? PValue, double? QValue,
    string? NotTested);

/// <summary>A stratum at one level: <c>class</c> = pedestrian.</summary>
public sealed record StratumCondition(string Stratum, string Level);

/// <summary>An interaction cell (two levels of two strata) against the rest of its table: one-sided Fisher exact, BH over all cells.</summary>
/// <param name="Listed">Significant, elevated, and sharper than either level alone: it is in the ranked list.</param>
public sealed record InteractionCell(
    string ErrorKind, IReadOnlyList<StratumCondition> Where, long Errors, long Opportunities, double Rate, double[] RateCi95, double RestRate, double PValue,
    double QValue, bool Listed);

/// <summary>Who makes a concentration's errors.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConcentrationSource>))]
public enum ConcentrationSource
{
    /// <summary>Spread over the annotators (homogeneous, most above their own rate elsewhere): the guideline, tool or data — <c>structural</c>.</summary>
    [JsonStringEnumMemberName("system")]
    System,

    /// <summary>Concentrated in a minority of annotators: coach them.</summary>
    [JsonStringEnumMemberName("individual")]
    Individual,

    /// <summary>Neither: one annotator only, heterogeneous without a minority standing out, or not elevated for most annotators.</summary>
    [JsonStringEnumMemberName("inconclusive")]
    Inconclusive,
}

/// <summary>One annotator inside a concentration: their errors there, and their own rate elsewhere in the same table.</summary>
public sealed record AnnotatorRate(string Annotator, long Errors, long Opportunities, double Rate, double? RestRate);

/// <summary>The annotators of a concentration and the test of their homogeneity inside it (χ², Monte Carlo below Cochran's rule).</summary>
/// <param name="AboveTheirRest">Annotators whose rate in the concentration is above their own rate elsewhere.</param>
public sealed record AnnotatorSpread(int Annotators, int AboveTheirRest, string Method, double? HomogeneityP, IReadOnlyList<AnnotatorRate> PerAnnotator);

/// <summary>Where errors concentrate: an error kind in one stratum level (or interaction cell), with its effect size and evidence.</summary>
public sealed record Concentration
{
    public required string ErrorKind { get; init; }

    public required IReadOnlyList<StratumCondition> Where { get; init; }

    public required long Errors { get; init; }

    public required long Opportunities { get; init; }

    public required double Rate { get; init; }

    public required double[] RateCi95 { get; init; }

    public required long RestErrors { get; init; }

    public required long RestOpportunities { get; init; }

    public required double RestRate { get; init; }

    public required double[] RestRateCi95 { get; init; }

    /// <summary>Rate ÷ rest rate; null when the rest has no errors (the ratio is unbounded).</summary>
    public required double? RateRatio { get; init; }

    /// <summary>Rate − rest rate with Newcombe's hybrid score 95% interval.</summary>
    public required double Difference { get; init; }

    public required double[] DifferenceCi95 { get; init; }

    /// <summary><c>chi-square</c> / <c>monte-carlo</c> (a stratum's levels) or <c>fisher-exact</c> (a cell against the rest).</summary>
    public required string Test { get; init; }

    public required double PValue { get; init; }

    public required double QValue { get; init; }

    /// <summary>Errors above what the rest's rate predicts: errors − opportunities × rest rate. The ranking key.</summary>
    public required double ExcessErrors { get; init; }

    public required ConcentrationSource Source { get; init; }

    /// <summary>For an individual concentration, the annotators it is concentrated in.</summary>
    public IReadOnlyList<string> Individuals { get; init; } = [];

    public required AnnotatorSpread Annotators { get; init; }

    public required string Statement { get; init; }

    /// <summary>
    /// Other strata that select exactly the same objects (e.g. <c>size = 0–1 m³</c> beside <c>class = pedestrian</c>): listed
    /// here instead of as a concentration of their own.
    /// </summary>
    public IReadOnlyList<string> SameAs { get; init; } = [];

    /// <summary>The first error rows behind it, in delivery (shard) order.</summary>
    public required IReadOnlyList<EvidencePair> Evidence { get; init; }
}
