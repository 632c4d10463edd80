namespace Quality.Pipeline.Reports.Html;

/// <summary>
/// The stylesheet of every report page, inlined (the page fetches nothing): system fonts, the chart palette's colours
/// for outcomes, tabular figures, and print rules — A4 with margins, figures and tables kept whole, navigation hidden.
/// </summary>
public static class ReportStylesheet
{
    public const string Css = """
        :root { --ink: #222; --muted: #666; --rule: #ddd; --soft: #f6f6f4; --blue: #0072B2; --green: #009E73; --orange: #E69F00; --vermillion: #D55E00; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.5 Helvetica, Arial, "Liberation Sans", sans-serif; }
        main { max-width: 980px; margin: 0 auto; padding: 24px 28px 48px; }
        h1 { font-size: 24px; margin: 0 0 4px; letter-spacing: -0.01em; }
        h2 { font-size: 18px; margin: 36px 0 10px; padding-top: 10px; border-top: 2px solid var(--ink); break-after: avoid; }
        h3 { font-size: 15px; margin: 20px 0 6px; break-after: avoid; }
        p { margin: 6px 0; }
        .kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 11px; color: var(--muted); margin: 0; }
        .meta { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 6px 18px; margin: 14px 0 0; font-size: 12.5px; }
        .meta div { min-width: 0; }
        .meta dt { color: var(--muted); font-size: 11.5px; }
        .meta dd { margin: 0; overflow-wrap: anywhere; font-variant-numeric: tabular-nums; }
        .verdict { margin: 22px 0 8px; padding: 16px 20px; border-left: 8px solid var(--muted); background: var(--soft); break-inside: avoid; }
        .verdict .outcome { font-size: 26px; font-weight: 700; margin: 0; }
        .verdict .reason { font-size: 15px; margin: 6px 0 0; }
        .verdict.rejected { border-color: var(--vermillion); background: #fbece3; }
        .verdict.rejected .outcome { color: #9a3f00; }
        .verdict.accepted { border-color: var(--green); background: #e3f4ee; }
        .verdict.accepted .outcome { color: #006b4e; }
        .verdict.acceptedwithfindings { border-color: var(--orange); background: #fdf3dc; }
        .verdict.acceptedwithfindings .outcome { color: #7a5400; }
        .verdict.none .outcome { color: var(--muted); }
        nav.contents { font-size: 12.5px; color: var(--muted); margin: 10px 0 0; }
        nav.contents ol { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; margin: 0; list-style: none; counter-reset: toc; }
        nav.contents li { counter-increment: toc; }
        nav.contents li::before { content: counter(toc) ". "; }
        nav.contents a { color: var(--blue); text-decoration: none; }
        figure.chart { margin: 14px 0 18px; break-inside: avoid; }
        figure.chart svg { display: block; width: 100%; max-width: 760px; height: auto; }
        figcaption { font-size: 13px; color: #333; margin-top: 4px; max-width: 760px; }
        details.data { font-size: 12px; margin-top: 4px; }
        details.data summary { color: var(--blue); cursor: pointer; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 12.5px; font-variant-numeric: tabular-nums; break-inside: auto; }
        caption { text-align: left; font-weight: 700; padding: 4px 0; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
        th { font-size: 11.5px; font-weight: 700; color: #555; border-bottom: 1px solid #999; }
        tr { break-inside: avoid; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        .ci { color: var(--muted); font-size: 11.5px; }
        .undefined, .missing { color: var(--muted); font-style: italic; }
        .missing { padding: 8px 12px; background: var(--soft); border-left: 3px solid var(--rule); }
        .pill { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 11px; font-weight: 700; border: 1px solid currentColor; white-space: nowrap; }
        .pill.passed, .pill.accepted { color: #006b4e; }
        .pill.failed, .pill.rejected { color: #9a3f00; }
        .pill.not-evaluable, .pill.incomplete { color: var(--muted); }
        .pill.safety, .pill.higher { color: #9a3f00; }
        .pill.business { color: #7a5400; }
        .pill.lower { color: #006b4e; }
        ol.risks li { margin: 6px 0; }
        table.compact { width: auto; min-width: 280px; }
        .findings { display: grid; gap: 12px; }
        .finding { border: 1px solid var(--rule); border-left: 6px solid var(--blue); padding: 10px 14px; break-inside: avoid; }
        .finding.individual-error { border-left-color: var(--orange); }
        .finding.system-error, .finding.rising-confusion { border-left-color: var(--vermillion); }
        .finding h3 { margin: 0 0 4px; }
        .finding .tags { font-size: 11.5px; color: var(--muted); }
        .finding .remedy { font-weight: 700; margin-top: 8px; }
        .finding dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; font-size: 12.5px; margin: 6px 0; }
        .finding dt { color: var(--muted); }
        .finding dd { margin: 0; font-variant-numeric: tabular-nums; }
        .note { font-size: 12.5px; color: var(--muted); }
        .plan { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 6px 18px; font-size: 13px; margin: 8px 0; }
        .plan dt { color: var(--muted); font-size: 11.5px; }
        .plan dd { margin: 0; font-weight: 700; font-variant-numeric: tabular-nums; }
        footer { margin-top: 40px; padding-top: 10px; border-top: 1px solid var(--rule); font-size: 11.5px; color: var(--muted); }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { font-size: 11.5px; }
          main { max-width: none; padding: 0; }
          nav.contents, details.data { display: none; }
          h2 { margin-top: 22px; }
          figure.chart svg { max-width: 100%; }
          a { color: inherit; text-decoration: none; }
        }
        """;
}
