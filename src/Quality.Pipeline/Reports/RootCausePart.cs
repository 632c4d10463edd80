using System.Globalization;
using Quality.Domain.RootCauses;
using Quality.Pipeline.Reports.Charts;

namespace Quality.Pipeline.Reports;

/// <summary>The root-cause section: the strongest concentrations with their effect sizes, charted as rate differences.</summary>
internal static class RootCausePart
{
    /// <summary>Concentrations shown; all of them, with their evidence rows, are in /root-causes.</summary>
    public const int Shown = 10;

    public static RootCauseSection Build(BatchReportSources sources)
    {
        if (sources.RootCauses is not { } causes)
        {
            return new RootCauseSection([], 0, 0, null, null, sources.Objects is null
                ? "No root-cause drill-down: the batch has no boxes or cuboids."
                : "No root-cause drill-down on record: no objects were compared with gold, or the batch completed before drill-downs were computed.");
        }

        var tested = causes.Strata.Count(t => t.PValue is not null);
        var shown = causes.Ranked.Take(Shown).ToList();
        if (shown.Count == 0)
        {
            return new RootCauseSection([], 0, tested, null, causes.Method, null);
        }

        var rows = shown.Select((c, i) => new ForestRow(
            Source(c.Source),
            Invariant($"{i + 1}. {c.ErrorKind} · {ConcentrationWording.Where(c.Where)}"),
            c.Difference,
            c.DifferenceCi95[0],
            c.DifferenceCi95[1],
            Invariant($"{100 * c.Rate:0.0}% here vs {100 * c.RestRate:0.0}% elsewhere; {c.Errors} of {c.Opportunities}; q = {c.QValue:0.####}"))).ToList();
        var chart = ForestPlot.Figure(
            "root-causes",
            "Where errors concentrate: rate here minus rate elsewhere",
            "difference of error rates with its Newcombe 95% CI (0 = no concentration)",
            rows,
            Invariant($"{causes.Ranked.Count} concentrations significant after Benjamini–Hochberg over {tested} tests; the strongest: {shown[0].Statement}"),
            references: [(0, "no difference")]);
        return new RootCauseSection(shown, causes.Ranked.Count, tested, chart, causes.Method, null);
    }

    public static string Source(ConcentrationSource source) => source switch
    {
        ConcentrationSource.System => "system (structural)",
        ConcentrationSource.Individual => "individual",
        _ => "not attributed",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
