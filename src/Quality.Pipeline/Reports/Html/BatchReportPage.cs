using System.Globalization;
using System.Text;
using static Quality.Pipeline.Reports.Html.HtmlText;

namespace Quality.Pipeline.Reports.Html;

/// <summary>
/// Renders a <see cref="BatchReport"/> as one self-contained HTML document: inline stylesheet, inline SVG charts, no
/// script, no external reference, so it opens offline and prints to PDF as it shows. Sections follow the report's
/// order; <see cref="ProcessSections"/> writes the last four.
/// </summary>
public static class BatchReportPage
{
    public static string Render(BatchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var b = report.Batch;
        var title = $"Batch quality report — {b.Pipeline ?? "no pipeline"} {b.DeliveryId ?? b.Id}";
        var html = new StringBuilder();
        html.Append($"""
            {Document(title, "batch report")}
            <body>
            <main>
            <header>
            <p class="kicker">Batch quality report</p>
            <h1>{H(b.Pipeline ?? "No pipeline")} · {H(b.DeliveryId ?? b.Id)}</h1>
            {Meta(b)}
            </header>
            {Verdict(report.Verdict)}
            <nav class="contents" aria-label="Sections"><ol>
            <li><a href="#decided">What decided it</a></li><li><a href="#agreement">Agreement</a></li><li><a href="#scorecards">Annotator scorecards</a></li>
            <li><a href="#tags">Frame tags against gold</a></li>
            <li><a href="#confusion">Confusion</a></li><li><a href="#violations">Taxonomy violations</a></li><li><a href="#spc">Process control</a></li>
            <li><a href="#findings">Findings and actions</a></li><li><a href="#sample">Review sample and lot</a></li><li><a href="#root-causes">Where errors concentrate</a></li>
            </ol></nav>
            """);
        html.Append(Decided(report.Verdict));
        html.Append(Agreement(report.Agreement));
        html.Append(Scorecards(report.Scorecards));
        html.Append(Tags(report.Tags));
        html.Append(Confusion(report.Confusion));
        html.Append(ProcessSections.Violations(report.Violations));
        html.Append(ProcessSections.Spc(report.Spc));
        html.Append(ProcessSections.Findings(report.Findings));
        html.Append(ProcessSections.Sample(report.Sample, b));
        html.Append(RootCauseSections.RootCauses(report.RootCauses, "9"));
        html.Append($"""
            <footer>
            <p>Computed by {H(b.Source)} for batch {H(b.Id)}. Intervals are 95%: Wilson for rates, Wilson through the Jaccard index for F1, percentile
            bootstrap over units for α (seed and replicates in the agreement report). Undefined figures are shown as “undefined”, never as a number.
            {(b.Source == BatchReportReader.PipelineSource ? $"The same figures as JSON: /api/batches/{H(b.Id)}/agreement, /audit, /tags, /violations, /findings, /verdict, /sample, /disposition, /root-causes." : "The same figures as JSON: quality audit FILE --json.")}</p>
            </footer>
            </main>
            </body>
            </html>
            """);
        return html.ToString();
    }

    private static string Meta(BatchIdentity b)
    {
        var items = new List<(string, string)>
        {
            ("Vendor", b.Vendor ?? "–"),
            ("Delivery", b.DeliveryId ?? "–"),
            ("Batch", b.Id),
            ("Taxonomy", b.Taxonomy ?? "–"),
            ("Standard", b.Standard ?? "none"),
            ("Delivered", b.Delivered?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "–"),
            ("Completed", b.Completed?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "–"),
            ("Items · annotators · annotations", b.Counts is { } c ? $"{Count(c.Items)} · {Count(c.Annotators)} · {Count(c.Annotations)}" : "–"),
        };
        return "<dl class=\"meta\">" + string.Concat(items.Select(i => $"<div><dt>{H(i.Item1)}</dt><dd>{H(i.Item2)}</dd></div>")) + "</dl>";
    }

    private static string Verdict(VerdictSection v)
    {
        var css = v.Outcome?.ToLowerInvariant() ?? "none";
        var outcome = v.Outcome is null ? "No verdict" : VerdictText.Outcome(Enum.Parse<Domain.Standards.VerdictOutcome>(v.Outcome));
        return $"""
            <section class="verdict {H(css)}" id="verdict" aria-label="Verdict">
            <p class="outcome">{H(outcome)}</p>
            <p class="reason">{H(v.Reason)}</p>
            </section>
            """;
    }

    private static string Decided(VerdictSection v)
    {
        var html = new StringBuilder("<section id=\"decided\"><h2>1. What decided it</h2>");
        if (v.Missing is not null)
        {
            return html.Append(Missing(v.Missing)).Append("</section>").ToString();
        }

        html.Append($"<p>Every rule of {H(v.Standard)} with the figure it judged. Bound rules are judged on the interval's bound, never the point estimate.</p>");
        html.Append(Figure(v.Chart!));
        html.Append(Table(["rule", "status", "severity", "#value", "#95% CI", "#n", "requirement"], v.Rules.Select(r => (IReadOnlyList<string>)
            [H(r.Rule), Pill(r.Status), H(r.Severity), H(Number(r.Value)), H(r.Interval is null ? "none" : Interval(r.Interval)), H(Count(r.N)), H(r.Requirement)])));
        if (v.OpenFindings > 0)
        {
            html.Append($"<p class=\"note\">{v.OpenFindings} open findings raised by this batch count against an unconditional acceptance (section 7).</p>");
        }

        return html.Append("</section>").ToString();
    }

    private static string Agreement(AgreementSection a)
    {
        var html = new StringBuilder("<section id=\"agreement\"><h2>2. Agreement between annotators</h2>");
        if (a.Missing is not null)
        {
            return html.Append(Missing(a.Missing)).Append("</section>").ToString();
        }

        html.Append("<p>Krippendorff's α per field at its level of measurement and per class of it (one class against the rest), with 95% bootstrap intervals.</p>");
        html.Append(Figure(a.Forest!));
        if (a.Suite is { Fields.Count: > 0 } suite)
        {
            html.Append(Table(["field", "level", "#α", "#P(α < 0.8)", "#Gwet AC1", "#Fleiss κ", "#percent agreement", "#units", "#annotators"],
                suite.Fields.Select(f => (IReadOnlyList<string>)
                [
                    H(f.Key), H(f.Value.Level), WithInterval(f.Value.KrippendorffAlpha, f.Value.AlphaCi95), H(Number(f.Value.AlphaBelowThreshold.Probability)),
                    WithInterval(f.Value.GwetAc1, f.Value.Estimates.GetValueOrDefault("gwetAc1")?.Ci95),
                    WithInterval(f.Value.FleissKappa, f.Value.Estimates.GetValueOrDefault("fleissKappa")?.Ci95),
                    H(Number(f.Value.PercentAgreement)), H(Count(f.Value.Units)), H(Count(f.Value.Annotators)),
                ]), caption: "The agreement suite per field"));
        }

        if (a.Consensus is { } c)
        {
            html.Append(Table(["over consensus objects", "#α", "#units", "#pairable values"],
            [
                [H("existence (is the object there?)"), WithInterval(c.Existence.Alpha, c.Existence.AlphaCi95), H(Count(c.Existence.Units)), H(Count(c.Existence.PairableValues))],
                [H("class (where drawn)"), WithInterval(c.Class.Alpha, c.Class.AlphaCi95), H(Count(c.Class.Units)), H(Count(c.Class.PairableValues))],
                [H("geometry (δ = 1 − IoU)"), WithInterval(c.Geometry.Alpha, null), H(Count(c.Geometry.Units)), H(Count(c.Geometry.Drawings))],
            ], caption: "Objects: agreement over consensus objects"));
        }

        return html.Append("</section>").ToString();
    }

    private static string Scorecards(ScorecardSection s)
    {
        var html = new StringBuilder("<section id=\"scorecards\"><h2>3. Annotator scorecards</h2>");
        if (s.Missing is not null)
        {
            return html.Append(Missing(s.Missing)).Append("</section>").ToString();
        }

        html.Append("<p>Each annotator's objects against the gold key: precision (of what they drew, how much was right), recall (of the gold objects, how many they got right) and F1, with Wilson 95% intervals.</p>");
        var rows = s.Annotators.Select(a => (IReadOnlyList<string>)
        [
            H(a.Key), H(Count(a.Value.Objects)), H(Count(a.Value.Tp)), H(Count(a.Value.Misclassified)), H(Count(a.Value.Fn)), H(Count(a.Value.Fp)),
            WithInterval(a.Value.Precision, a.Value.PrecisionCi95), WithInterval(a.Value.Recall, a.Value.RecallCi95), WithInterval(a.Value.F1, a.Value.F1Ci95), H(Number(a.Value.MeanIou)),
        ]).ToList();
        if (s.Overall is { } o)
        {
            rows.Add([
                "<strong>all annotators</strong>", H(Count(o.Tp + o.Misclassified + o.Fp)), H(Count(o.Tp)), H(Count(o.Misclassified)), H(Count(o.Fn)), H(Count(o.Fp)),
                WithInterval(o.Precision, o.PrecisionCi95), WithInterval(o.Recall, o.RecallCi95), WithInterval(o.F1, o.F1Ci95), H(Number(o.MeanIou)),
            ]);
        }

        html.Append(Table(["annotator", "#objects", "#correct", "#misclassified", "#missed", "#extra", "#precision", "#recall", "#F1", "#mean IoU"], rows, "scorecards"));
        html.Append(Figure(s.Scores!));
        if (s.Funnel is not null)
        {
            html.Append(Figure(s.Funnel));
        }

        return html.Append("</section>").ToString();
    }

    private static string Tags(TagGoldSection t)
    {
        var html = new StringBuilder("<section id=\"tags\"><h2>3b. Frame tags against gold</h2>");
        if (t.Missing is not null)
        {
            return html.Append(Missing(t.Missing)).Append("</section>").ToString();
        }

        html.Append("<p>Each annotator's frame tags against the gold key, per field: accuracy (a gold item they worked on but left untagged counts as wrong) with its Wilson 95% interval, and Cohen's κ against gold over the items they tagged, with its large-sample 95% interval. <em>all</em> pools every annotator's comparisons.</p>");
        var rows = t.Tags!.Fields.SelectMany(f => f.Value.PerAnnotator.Select(a => (Annotator: a.Key, Score: a.Value))
            .Prepend((Annotator: "all annotators", Score: f.Value.Overall))
            .Select(a => (IReadOnlyList<string>)
            [
                H(f.Key), a.Annotator == "all annotators" ? "<strong>all annotators</strong>" : H(a.Annotator),
                WithInterval(a.Score.Accuracy, a.Score.AccuracyCi95), WithInterval(a.Score.Kappa, a.Score.KappaCi95),
                H(Count(a.Score.Compared)), H(Count(a.Score.Correct)), H(Count(a.Score.Missing)),
            ]));
        html.Append(Table(["field", "annotator", "#accuracy", "#Cohen's κ", "#gold items", "#correct", "#untagged"], rows, "tags", "Frame tags against gold per field and annotator"));
        html.Append(Figure(t.Forest!));
        html.Append($"<p>The weakest field, <strong>{H(t.Tags.WeakestField)}</strong>: gold value down, the annotators' value across (and <em>missing</em>).</p>");
        return html.Append(Figure(t.WeakestConfusion!)).Append("</section>").ToString();
    }

    private static string Confusion(ConfusionSection c)
    {
        var html = new StringBuilder("<section id=\"confusion\"><h2>4. Confusion against gold</h2>");
        if (c.Missing is not null)
        {
            return html.Append(Missing(c.Missing)).Append("</section>").ToString();
        }

        html.Append("<p>Rows are gold classes (and <em>none</em>: objects drawn where gold has none); columns the class the annotators gave (and <em>missed</em>). Correct cells blue, errors orange, shaded by share of the row.</p>");
        return html.Append(Figure(c.HeatMap!)).Append("</section>").ToString();
    }
}
