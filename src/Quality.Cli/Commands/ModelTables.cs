using System.Globalization;
using System.Text;
using Quality.Domain.ModelLinkage;

namespace Quality.Cli.Commands;

/// <summary>The text of <c>quality models compare</c> and <c>correlate</c>: the verdict first, then one row per class.</summary>
internal static class ModelTables
{
    public static string Comparison(VersionComparison c)
    {
        var text = new StringBuilder();
        text.AppendLine(c.Verdict);
        text.AppendLine(Invariant($"training data: {c.From.TrainingDeliveries} deliveries ({c.From.Version}) -> {c.To.TrainingDeliveries} ({c.To.Version}); added {c.Training.Added.Count}, removed {c.Training.Removed.Count}"));
        foreach (var d in c.Training.Added)
        {
            text.AppendLine(Invariant($"  + {d.DeliveryId} ({d.Pipeline}, {d.Vendor ?? "vendor unknown"}): verdict {d.Verdict ?? "none"}, gold errors {d.Errors}/{d.GoldObjects} = {Percent(d.ErrorRate)}, agreement {Figure(d.Agreement)}"));
        }

        foreach (var d in c.Training.Removed)
        {
            text.AppendLine($"  - {d.DeliveryId} ({d.Pipeline})");
        }

        if (c.Training.NotFound.Count > 0)
        {
            text.AppendLine($"  named but not audited (no labels to judge): {string.Join(", ", c.Training.NotFound)}");
        }

        text.AppendLine(Invariant($"{"rank",-5}{"class",-14}{c.Metric + " from -> to (delta, 95% CI)",-44}{"label error rate before -> added (difference, 95% CI)",-56}tier"));
        foreach (var k in c.Classes)
        {
            var m = k.Metrics[c.Metric];
            var l = k.LabelErrors;
            var metric = Invariant($"{Figure(m.From)} -> {Figure(m.To)} ({Signed(m.Delta)}{Ci(m.DeltaCi95, Signed)})");
            var labels = Invariant($"{Percent(l.Before.Rate)} -> {Percent(l.Added.Rate)} ({Points(l.Difference)}{Ci(l.DifferenceCi95, Points)} pts)");
            text.AppendLine(Invariant($"{k.Rank,-5}{k.Class,-14}{metric,-44}{labels,-56}{Tier(k.Explanation)}"));
        }

        foreach (var k in c.Classes.Where(k => k.Explanation <= LabelExplanation.NotSignificant))
        {
            text.AppendLine($"{k.Class}: {k.Reason}");
            foreach (var d in k.Deliveries)
            {
                text.AppendLine(Invariant($"  {d.DeliveryId}: {d.Missed} missed, {d.Misclassified} misclassified of {d.Gold} gold = {Percent(d.ErrorRate)} (verdict {d.Verdict ?? "none"})"));
            }

            foreach (var f in k.Findings)
            {
                text.AppendLine($"  [{f.Source} {f.Id}] {f.Statement}");
            }
        }

        return text.ToString().TrimEnd();
    }

    public static string Correlation(ModelCorrelation c)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{c.Model}: {c.Metric} against the training labels' error rate across {c.Versions.Count} versions ({string.Join(", ", c.Versions.Select(v => v.Version))})"));
        text.AppendLine(Invariant($"{"class",-14}{"n",-4}{"Pearson's r (95% CI)",-32}{"Spearman's rho",-16}points (label error rate, {c.Metric})"));
        foreach (var k in c.Classes)
        {
            var pearson = k.Pearson.Coefficient is { } r ? Invariant($"{r:0.000}{Ci(k.Pearson.Ci95, x => x?.ToString("0.000", CultureInfo.InvariantCulture) ?? "")}") : "undefined";
            var spearman = k.Spearman.Coefficient is { } s ? s.ToString("0.000", CultureInfo.InvariantCulture) : "undefined";
            var points = string.Join(", ", k.Points.Select(p => Invariant($"{p.Version} {Percent(p.LabelErrorRate)} {Figure(p.Metric)}")));
            text.AppendLine(Invariant($"{k.Class,-14}{k.N,-4}{pearson,-32}{spearman,-16}{points}"));
        }

        foreach (var k in c.Classes)
        {
            text.AppendLine(k.Statement);
        }

        text.AppendLine(c.Caution);
        return text.ToString().TrimEnd();
    }

    private static string Tier(LabelExplanation tier) => tier switch
    {
        LabelExplanation.Explained => "explained",
        LabelExplanation.NotSignificant => "not significant",
        LabelExplanation.NotExplained => "not explained",
        _ => "no drop",
    };

    private static string Ci(double[]? ci, Func<double?, string> format) => ci is [var lo, var hi] ? $" [{format(lo)}, {format(hi)}]" : "";

    private static string Figure(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static string Signed(double? value) => value is { } v ? v.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) : "-";

    private static string Percent(double? rate) => rate is { } r ? (100 * r).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Points(double? difference) => difference is { } d ? (100 * d).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
