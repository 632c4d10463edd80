using System.Globalization;
using Quality.Domain.Audit;
using Quality.Pipeline.Reports.Charts;

namespace Quality.Pipeline.Reports;

/// <summary>
/// The agreement section: one forest row per field (alpha at its level) and per class of it (one-vs-rest alpha), each
/// with its bootstrap 95% interval, then the consensus-object alphas of boxes and cuboids.
/// </summary>
internal static class AgreementPart
{
    /// <summary>Krippendorff (2004, §11.4): rely on variables with α ≥ 0.8, draw tentative conclusions from 0.667.</summary>
    private static readonly (double, string)[] References = [(0.667, "0.667"), (0.8, "0.8")];

    public static AgreementSection Build(BatchReportSources sources)
    {
        var suite = sources.Agreement;
        var consensus = sources.Objects?.Spatial.Consensus;
        var rows = new List<ForestRow>();
        foreach (var (name, field) in suite?.Fields ?? new Dictionary<string, FieldAgreementSuiteView>())
        {
            rows.Add(new ForestRow(name, $"{name} ({field.Level})", field.KrippendorffAlpha, Lower(field.AlphaCi95), Upper(field.AlphaCi95),
                Invariant($"α {F(field.KrippendorffAlpha)}, 95% CI {Ci(field.AlphaCi95)}, {field.Units} units, {field.PairableValues} pairable values")));
            foreach (var (value, c) in field.PerClass)
            {
                rows.Add(new ForestRow(name, $"  {name} = {value}", c.Alpha, Lower(c.AlphaCi95), Upper(c.AlphaCi95),
                    Invariant($"one-vs-rest α {F(c.Alpha)}, 95% CI {Ci(c.AlphaCi95)}, specific agreement {F(c.SpecificAgreement)}, {c.PairableValues} pairable values")));
            }
        }

        if (consensus is not null)
        {
            foreach (var (label, alpha) in new[] { ("objects: existence", consensus.Existence), ("objects: class", consensus.Class) })
            {
                rows.Add(new ForestRow("consensus objects", label, alpha.Alpha, Lower(alpha.AlphaCi95), Upper(alpha.AlphaCi95),
                    Invariant($"nominal α {F(alpha.Alpha)}, 95% CI {Ci(alpha.AlphaCi95)}, {alpha.Units} objects, {alpha.PairableValues} pairable values")));
            }
        }

        if (rows.Count == 0)
        {
            return new AgreementSection(suite, consensus, rows, null,
                "No agreement figures: the batch has no frame-tag field or attribute rated by two or more annotators, and no objects drawn by two or more.");
        }

        var weakest = rows.Where(r => r.Estimate is not null).OrderBy(r => r.Estimate).FirstOrDefault();
        var summary = (weakest is null ? "No agreement coefficient is defined." : $"Lowest: {weakest.Label.Trim()}, {weakest.Detail}.")
            + Invariant($" {rows.Count(r => r.Lower is not null)} of {rows.Count} rows have an interval; dashed lines mark α = 0.667 and 0.8 (Krippendorff's thresholds for tentative and reliable conclusions).");
        var forest = ForestPlot.Figure("agreement-forest", "Agreement per field and class (Krippendorff's α, 95% CI)",
            "Krippendorff's α (1 = perfect agreement, 0 = chance)", rows, summary, References);
        return new AgreementSection(suite, consensus, rows, forest, null);
    }

    private static double? Lower(double[]? ci) => ci is [var lo, _] ? lo : null;

    private static double? Upper(double[]? ci) => ci is [_, var hi] ? hi : null;

    internal static string F(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "undefined";

    internal static string Ci(double[]? ci) => ci is [var lo, var hi] ? Invariant($"[{lo:0.000}, {hi:0.000}]") : "undefined";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
