using Quality.Domain.Findings;
using Quality.Domain.Matching;

namespace Quality.Domain.RootCauses;

/// <summary>
/// The first pass of the drill-down: every (error kind, stratum) table tested for homogeneity of its levels, the tests
/// adjusted together by Benjamini–Hochberg, and each significant stratum's worst level — the level with the highest
/// Wilson lower bound, so a level of three objects cannot win by chance — held against the rest of its stratum.
/// </summary>
public sealed class StratumEffects
{
    private StratumEffects(RootCauseOptions options, StrataTally tally, IReadOnlyList<StratumTest> tests, IReadOnlyList<Concentration> concentrations)
    {
        Options = options;
        Tally = tally;
        Tests = tests;
        Concentrations = concentrations;
    }

    internal RootCauseOptions Options { get; }

    internal StrataTally Tally { get; }

    public IReadOnlyList<StratumTest> Tests { get; }

    /// <summary>Significant and elevated worst levels, most excess errors first.</summary>
    public IReadOnlyList<Concentration> Concentrations { get; }

    public static StratumEffects Test(StrataTally tally, RootCauseOptions options)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var tables = tally.Ordered.GroupBy(c => c.Key.Table).Select(t => (t.Key, Levels: t.ToList())).ToList();
        var tests = new List<(StratumTest Test, List<KeyValuePair<CellKey, CellCounts>> Levels)>();
        foreach (var (table, levels) in tables)
        {
            tests.Add((TestTable(table.Kind, table.Stratum, levels, options), levels));
        }

        var q = MultipleTesting.Adjust([.. tests.Select(t => t.Test.PValue ?? double.NaN)], MultipleTestingProcedure.BenjaminiHochberg);
        var adjusted = tests.Select((t, i) => (Test: t.Test with { QValue = AnnotatorSpreadTest.Finite(q[i]) }, t.Levels)).ToList();
        var concentrations = adjusted
            .Where(t => t.Test.QValue <= options.Alpha)
            .Select(t => WorstLevel(t.Test, t.Levels, options))
            .OfType<Concentration>()
            .OrderByDescending(c => c.ExcessErrors).ThenBy(c => c.QValue).ThenBy(c => c.ErrorKind, StringComparer.Ordinal)
            .ToList();
        return new StratumEffects(options, tally, [.. adjusted.Select(t => t.Test)], concentrations);
    }

    /// <summary>
    /// The tally of the second pass: the strata of the first <see cref="RootCauseOptions.InteractionStrata"/> concentrations
    /// (annotator aside) crossed with every other tested stratum of the same kind; null when there is none to cross.
    /// </summary>
    public StrataTally? InteractionTally()
    {
        var testable = Tests.Where(t => t.PValue is not null && t.Stratum != StratumNames.Annotator).ToList();
        var pairs = new HashSet<(string Kind, string Stratum, string Other)>();
        foreach (var top in Concentrations.Where(c => c.Where[0].Stratum != StratumNames.Annotator).Take(Options.InteractionStrata))
        {
            foreach (var other in testable.Where(t => t.ErrorKind == top.ErrorKind && t.Stratum != top.Where[0].Stratum))
            {
                var (a, b) = string.CompareOrdinal(top.Where[0].Stratum, other.Stratum) < 0 ? (top.Where[0].Stratum, other.Stratum) : (other.Stratum, top.Where[0].Stratum);
                pairs.Add((top.ErrorKind, a, b));
            }
        }

        return pairs.Count == 0 ? null : new StrataTally(Options, pairs);
    }

    private static StratumTest TestTable(string kind, string stratum, List<KeyValuePair<CellKey, CellCounts>> levels, RootCauseOptions options)
    {
        var rates = levels.Select(l => Rate(l.Key.Level, l.Value.Errors, l.Value.Opportunities)).ToList();
        if (levels.Count < 2 || levels.Count > options.MaxLevels)
        {
            var why = levels.Count < 2 ? "one level only" : $"{levels.Count} levels, more than {options.MaxLevels}";
            return new StratumTest(kind, stratum, rates, "not tested", null, Math.Max(levels.Count - 1, 0), null, null, why);
        }

        var test = ChiSquareHomogeneity.Test([.. levels.Select(l => l.Value.Errors)], [.. levels.Select(l => l.Value.Opportunities)],
            options.MonteCarloReplicates, new Random(ErrorTypeEvidence.StreamSeed(options.Seed, $"{kind}|{stratum}")));
        return new StratumTest(kind, stratum, rates, test.Method, AnnotatorSpreadTest.Finite(test.Statistic), test.DegreesOfFreedom, AnnotatorSpreadTest.Finite(test.PValue), null,
            double.IsNaN(test.PValue) ? "no errors, or only errors" : null);
    }

    private static Concentration? WorstLevel(StratumTest test, List<KeyValuePair<CellKey, CellCounts>> levels, RootCauseOptions options)
    {
        var worst = levels.MaxBy(l => WilsonScoreInterval.Compute(l.Value.Errors, l.Value.Opportunities).Lower);
        var table = Totals(levels.Select(l => l.Value));
        return ConcentrationBuilder.Build(
            test.ErrorKind, [new StratumCondition(test.Stratum, worst.Key.Level)], worst.Value, table, test.Method, test.PValue!.Value, test.QValue!.Value, options);
    }

    /// <summary>A table's total errors and opportunities per annotator.</summary>
    internal static Dictionary<string, (long Errors, long Opportunities)> Totals(IEnumerable<CellCounts> cells)
    {
        var totals = new Dictionary<string, (long Errors, long Opportunities)>(StringComparer.Ordinal);
        foreach (var (annotator, (errors, opportunities)) in cells.SelectMany(c => c.ByAnnotator))
        {
            var (e, n) = totals.GetValueOrDefault(annotator);
            totals[annotator] = (e + errors, n + opportunities);
        }

        return totals;
    }

    internal static LevelRate Rate(string level, long errors, long opportunities)
    {
        var rate = WilsonScoreInterval.Compute(errors, opportunities);
        return new LevelRate(level, errors, opportunities, rate.Value, [rate.Lower, rate.Upper]);
    }
}
