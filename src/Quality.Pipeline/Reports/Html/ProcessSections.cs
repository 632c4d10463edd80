using System.Globalization;
using System.Text;
using static Quality.Pipeline.Reports.Html.HtmlText;

namespace Quality.Pipeline.Reports.Html;

/// <summary>The report's last four sections: taxonomy violations, process control, findings with actions, the review sample and lot.</summary>
public static class ProcessSections
{
    /// <summary>The sampled units listed in full up to this many; the rest are counted (all are in /sample).</summary>
    public const int ListedUnits = 25;

    public static string Violations(ViolationSection v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var html = new StringBuilder("<section id=\"violations\"><h2>5. Taxonomy violations</h2>");
        if (v.Missing is not null || v.Tally is not { } tally)
        {
            return html.Append(Missing(v.Missing ?? "No taxonomy violations were counted.")).Append("</section>").ToString();
        }

        html.Append($"<p>{H(Count(tally.Violations))} violations of taxonomy {H(v.Taxonomy)} in {H(Count(tally.AnnotationsChecked))} annotations checked. Rates are annotations breaking the rule over annotations checked, with Wilson 95% intervals.</p>");
        html.Append(Table(["rule", "what it checks", "#annotations", "#violations", "#rate", "example"], tally.Rules.Select(r => (IReadOnlyList<string>)
        [
            H(r.Rule), H(r.Description), H(Count(r.Annotations)), H(Count(r.Violations)), WithInterval(r.Rate, r.RateCi95),
            r.Examples.Count == 0 ? "–" : H(r.Examples[0].Message),
        ])));
        return html.Append("</section>").ToString();
    }

    public static string Spc(SpcSection s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var html = new StringBuilder("<section id=\"spc\"><h2>6. Process control across deliveries</h2>");
        if (s.Note is not null)
        {
            html.Append($"<p class=\"note\">{H(s.Note)}</p>");
        }

        if (s.Missing is not null)
        {
            return html.Append(Missing(s.Missing)).Append("</section>").ToString();
        }

        html.Append("<p>The pipeline's headline series up to and including this batch, with limits estimated per taxonomy version (phase), the zones the run rules read, and the rules that fired.</p>");
        foreach (var chart in s.Charts)
        {
            html.Append(Figure(chart.Figure));
            html.Append($"<p class=\"note\">{H(chart.Settings)}. Status: {H(chart.Status)}.</p>");
            html.Append(chart.AtThisBatch.Count == 0
                ? "<p>No rule fired at this batch.</p>"
                : $"<p><strong>Fired at this batch:</strong> {H(string.Join("; ", chart.AtThisBatch))}.</p>");
            if (chart.Signals.Count > 0)
            {
                html.Append("<ul class=\"note\">").Append(string.Concat(chart.Signals.Select(x => $"<li>{H(x)}</li>"))).Append("</ul>");
            }
        }

        return html.Append("</section>").ToString();
    }

    public static string Findings(FindingSection f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var html = new StringBuilder("<section id=\"findings\"><h2>7. Findings and recommended actions</h2>");
        if (f.Missing is not null)
        {
            return html.Append(Missing(f.Missing)).Append("</section>").ToString();
        }

        html.Append("<p>A <strong>system error</strong> is elevated and spread over everyone: fix the guideline, taxonomy or tool. An <strong>individual error</strong> is concentrated in named annotators: retrain them.</p>");
        if (f.Findings.Count == 0)
        {
            html.Append(Missing("No finding was raised: no error type was elevated against earlier deliveries or concentrated in some annotators."));
        }
        else
        {
            html.Append("<div class=\"findings\">");
            foreach (var finding in f.Findings)
            {
                var evidence = string.Concat(finding.Evidence.Where(e => e.Value is not null || e.Detail is not null).Select(e =>
                    $"<dt>{H(e.Name)}</dt><dd>{H(e.Value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "")}{(e.Detail is null ? "" : $" {H(e.Detail)}")}</dd>"));
                html.Append($"""
                    <article class="finding {H(finding.Kind.Replace(' ', '-'))}">
                    <p class="tags">{H(finding.Kind)} · {H(finding.Severity)} · {H(finding.Status)} · seen in {finding.Occurrences} {(finding.Occurrences == 1 ? "batch" : "batches")}</p>
                    <h3>{H(finding.ErrorType)}</h3>
                    <p>{H(finding.Statement)}</p>
                    <dl>{evidence}</dl>
                    <p class="remedy">Recommended: {H(finding.Remedy)}.</p>
                    <p>{H(finding.Action)}</p>
                    </article>
                    """);
            }

            html.Append("</div>");
        }

        if (f.ErrorTypes.Count > 0)
        {
            html.Append(Table(["error type", "source", "#errors / n", "annotators flagged", "evidence", "action"], f.ErrorTypes.Select(t => (IReadOnlyList<string>)
            [
                H(t.Description), H(Source(t.Source)), H($"{Count(t.Errors)} / {Count(t.Opportunities)}"), H(t.FlaggedAnnotators.Count == 0 ? "–" : string.Join(", ", t.FlaggedAnnotators)),
                H(t.Statement), H(t.Action),
            ]), caption: "Every error type of the batch and where it comes from"));
        }

        return html.Append("</section>").ToString();
    }

    /// <param name="batch">Where the whole sample can be read: the batch's API route, or the CLI command offline.</param>
    public static string Sample(SampleSection s, BatchIdentity batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(s);
        var html = new StringBuilder("<section id=\"sample\"><h2>8. Review sample and lot disposition</h2>");
        if (s.Sample is not { } sample)
        {
            html.Append(Missing(s.SampleMissing ?? "No review sample."));
        }
        else
        {
            var p = sample.Plan;
            html.Append($"""
                <p>ANSI/ASQ Z1.4 single sampling, {H(p.Inspection)} inspection: {H(Count(sample.Size))} of {H(Count(sample.LotSize))} units (annotator × item) drawn by {H(sample.Method)}{(sample.RiskWeighted ? ", risk-weighted" : "")}, seed {H(sample.Seed)}.</p>
                <dl class="plan"><div><dt>AQL</dt><dd>{H(p.Aql.ToString("0.###", CultureInfo.InvariantCulture))}%</dd></div><div><dt>Level · code letter</dt><dd>{H(p.Level)} · {H(p.CodeLetter)}</dd></div>
                <div><dt>Sample size n</dt><dd>{p.SampleSize}</dd></div><div><dt>Accept · reject</dt><dd>Ac {p.Accept} · Re {p.Reject}</dd></div></dl>
                """);
            html.Append(Table(["stratum", "#population", "#allocated", "#selected"], sample.Strata.Select(x => (IReadOnlyList<string>)
                [H(x.Key), H(Count(x.Population)), H(Count(x.Allocated)), H(Count(x.Selected))]), caption: "Strata"));
            html.Append(Table(["item", "annotator", "stratum", "#inclusion probability"], sample.Items.Take(ListedUnits).Select(i => (IReadOnlyList<string>)
                [H(i.Item), H(i.Annotator), H(i.Stratum), H(Number(i.InclusionProbability, "0.0000"))]), caption: "Units to review"));
            if (sample.Items.Count > ListedUnits)
            {
                var whole = batch.Source == BatchReportReader.PipelineSource ? $"GET /api/batches/{batch.Id}/sample" : "quality sample FILE --standard STANDARD --json";
                html.Append($"<p class=\"note\">and {sample.Items.Count - ListedUnits} more units; {H(whole)} lists them all.</p>");
            }
        }

        html.Append("<h3>Lot disposition</h3>");
        if (s.Disposition is not { } lot)
        {
            return html.Append(Missing(s.DispositionMissing ?? "No lot disposition.")).Append("</section>").ToString();
        }

        var d = lot.Disposition;
        html.Append($"""
            <p>{Pill(d.Decision)} {H(d.Nonconforming.ToString(CultureInfo.InvariantCulture))} nonconforming of {H(d.Reviewed.ToString(CultureInfo.InvariantCulture))} reviewed (of {d.Sampled} sampled) against Ac {d.Plan.Accept} / Re {d.Plan.Reject}; decided by review batch {H(lot.ReviewBatch)}.</p>
            """);
        html.Append(Table(["rate", "#value", "#95% CI", "method"],
        [
            [H("in the sample"), H(Number(d.SampleRate.Value)), H(Interval(d.SampleRate.Ci95)), H(d.SampleRate.Method)],
            [H("in the lot (design-weighted)"), H(Number(d.PopulationRate.Value)), H(Interval(d.PopulationRate.Ci95)), H(d.PopulationRate.Method + (d.PopulationRate.UndefinedReason is { } why ? $": {why}" : ""))],
        ]));
        if (lot.Inspection is { } inspection)
        {
            html.Append($"<p class=\"note\">The vendor's next lot: {H(inspection.Severity)} inspection{(inspection.Discontinued ? ", discontinued" : "")}.</p>");
        }

        return html.Append("</section>").ToString();
    }

    private static string Source(Domain.Findings.ErrorSource source) => source switch
    {
        Domain.Findings.ErrorSource.SystemError => "system error",
        Domain.Findings.ErrorSource.IndividualError => "individual error",
        Domain.Findings.ErrorSource.InsufficientEvidence => "insufficient evidence",
        _ => "none",
    };
}
