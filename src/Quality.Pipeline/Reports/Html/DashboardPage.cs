using System.Globalization;
using System.Text;
using Quality.Domain.Findings;
using Quality.Domain.Standards;
using Quality.Pipeline.Dashboard;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;
using static Quality.Pipeline.Reports.Html.HtmlText;

namespace Quality.Pipeline.Reports.Html;

/// <summary>
/// The dashboard at the site's root: pipelines → vendors → batches with verdict badges (each completed batch linking
/// to its report), the latest control chart per pipeline, and open findings. Rendered on the server from the same
/// stores the JSON API reads; its one script changes a finding's status through <c>POST /api/findings/{id}/status</c>
/// and shows the finding as the API answers it. Links are relative, so the page works wherever the site is served.
/// </summary>
public static class DashboardPage
{
    /// <param name="caller">Who is looking, as the audit log names them.</param>
    /// <param name="canReview">Whether the caller may change a finding's status (reviewer or admin): the controls are shown only then.</param>
    public static string Render(DashboardView view, string caller, string role, bool canReview)
    {
        ArgumentNullException.ThrowIfNull(view);
        var yesterday = DateOnly.FromDateTime(view.Generated.UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var html = new StringBuilder();
        html.Append($"""
            {Document("Quality dashboard", "dashboard", Css)}
            <body>
            <main class="dashboard">
            <header>
            <p class="kicker">Quality dashboard</p>
            <h1>Annotation quality by pipeline</h1>
            <dl class="meta"><div><dt>Signed in as</dt><dd id="caller">{H(caller)} ({H(role)})</dd></div>
            <div><dt>As of</dt><dd>{H(view.Generated.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))}</dd></div>
            <div><dt>Batches shown</dt><dd>the newest {view.BatchesShown}{(view.MoreBatches ? " (more at api/batches)" : "")}</dd></div></dl>
            <p class="links"><a href="api/rollups/daily/report?date={H(yesterday)}">Daily brief of {H(yesterday)}</a> · <a href="api/docs">API</a></p>
            </header>
            """);
        if (view.Pipelines.Count == 0)
        {
            html.Append(Missing("No batches yet: deliver one (POST /api/deliveries, or quality submit) and it appears here once it arrives."));
        }
        else
        {
            html.Append("<nav class=\"contents\" aria-label=\"Pipelines\"><ol>")
                .Append(string.Concat(view.Pipelines.Select(p => $"<li><a href=\"#pipeline-{H(p.Name)}\">{H(p.Name)}</a></li>")))
                .Append("</ol></nav>");
        }

        foreach (var pipeline in view.Pipelines)
        {
            html.Append(Pipeline(pipeline, canReview));
        }

        html.Append($"""
            </main>
            <script>{Script}</script>
            </body>
            </html>
            """);
        return html.ToString();
    }

    private static string Pipeline(DashboardPipeline p, bool canReview)
    {
        var html = new StringBuilder($"<section class=\"pipeline\" id=\"pipeline-{H(p.Name)}\" data-pipeline=\"{H(p.Name)}\"><h2>{H(p.Name)}</h2>");
        html.Append("<div class=\"columns\"><div class=\"vendors\">");
        if (p.Vendors.Count == 0)
        {
            html.Append(Missing("No batch among the newest shown."));
        }

        foreach (var vendor in p.Vendors)
        {
            html.Append($"<h3>{H(vendor.Name)}</h3>");
            html.Append(Table(["delivery", "arrived", "verdict", "#items", "report"], vendor.Batches.Select(b => (IReadOnlyList<string>)
            [
                H(b.DeliveryId ?? b.BatchId), H(b.CreatedTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)), Badge(b),
                H(Count(b.Metrics?.Items)),
                b.Status == RunStatus.Completed ? $"<a class=\"report\" href=\"api/batches/{H(b.BatchId)}/report\">report</a>" : "",
            ]), "batches", $"Batches of {vendor.Name}, newest first"));
        }

        html.Append("</div><div class=\"spc\">");
        html.Append(p.Spc is null ? Missing(p.SpcMissing ?? "No control chart.") : Figure(p.Spc));
        html.Append("</div></div>");
        html.Append(Findings(p, canReview));
        return html.Append("</section>").ToString();
    }

    /// <summary>The batch's verdict as a badge, else what it is: a review and its lot decision, a run in progress, a failure.</summary>
    private static string Badge(BatchSummary b)
    {
        var (css, text) = b.Reviews is not null
            ? ("review", $"review: lot {b.Disposition ?? "pending"}")
            : b.Status != RunStatus.Completed
                ? ("status-" + b.Status.ToString().ToLowerInvariant(), b.Status == RunStatus.Rejected ? "not audited (unreadable)" : b.Status.ToString().ToLowerInvariant())
                : Enum.TryParse<VerdictOutcome>(b.Verdict, out var outcome)
                    ? (outcome.ToString().ToLowerInvariant(), VerdictText.Outcome(outcome))
                    : ("none", "no standard");
        return $"<span class=\"badge {H(css)}\">{H(text)}</span>";
    }

    private static string Findings(DashboardPipeline p, bool canReview)
    {
        if (p.OpenFindings.Count == 0)
        {
            return "<h3>Open findings</h3>" + Missing("No open findings.");
        }

        return "<h3>Open findings</h3>" + Table(["severity", "kind", "finding", "action", "status"], p.OpenFindings.Select(f => (IReadOnlyList<string>)
        [
            $"<span class=\"badge severity-{H(f.Severity.ToString().ToLowerInvariant())}\">{H(f.Severity.ToString().ToLowerInvariant())}</span>",
            H(Kind(f.Kind)), H(f.Statement), H(f.Action), Status(f, canReview),
        ]), "open-findings");
    }

    private static string Status(Finding f, bool canReview) => !canReview
        ? $"<span class=\"finding-status\">{H(Name(f.Status))}</span>"
        : $"""
            <form class="finding-status" data-finding="{H(f.Id)}"><label><span class="sr">Status of finding {H(f.Id)}</span>
            <select name="status">{string.Concat(Enum.GetValues<FindingStatus>().Select(s => $"<option value=\"{Name(s)}\"{(s == f.Status ? " selected" : "")}>{Name(s)}</option>"))}</select></label>
            <button type="submit">Set</button> <output aria-live="polite"></output></form>
            """;

    private static string Kind(FindingKind kind) => kind switch
    {
        FindingKind.SystemError => "system error",
        FindingKind.IndividualError => "individual error",
        FindingKind.SystematicConfusion => "systematic confusion",
        FindingKind.Structural => "structural",
        _ => "process signal",
    };

    private static string Name(FindingStatus status) => status.ToString().ToLowerInvariant();

    private const string Css = """

        main.dashboard { max-width: 1280px; }
        .links { margin: 8px 0 0; }
        .columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 24px; align-items: start; }
        @media (max-width: 900px) { .columns { grid-template-columns: 1fr; } }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 700; border: 1px solid currentColor; white-space: nowrap; }
        .badge.accepted { color: #006b4e; background: #e3f4ee; }
        .badge.acceptedwithfindings { color: #7a5400; background: #fdf3dc; }
        .badge.rejected, .badge.status-failed, .badge.severity-critical, .badge.severity-high { color: #9a3f00; background: #fbece3; }
        .badge.none, .badge.review, .badge.status-rejected, .badge.status-running, .badge.status-pending, .badge.severity-low, .badge.severity-medium { color: #555; background: #f2f2f2; }
        form.finding-status { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
        form.finding-status output { font-size: 12px; color: var(--muted); }
        .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
        """;

    /// <summary>Changes a finding's status through the JSON API and shows what it answered (the finding, or the problem).</summary>
    private const string Script = """

        document.querySelectorAll('form.finding-status').forEach(function (form) {
          form.addEventListener('submit', async function (event) {
            event.preventDefault();
            var output = form.querySelector('output');
            output.textContent = 'saving…';
            try {
              var answer = await fetch('api/findings/' + encodeURIComponent(form.dataset.finding) + '/status', {
                method: 'POST', credentials: 'same-origin',
                headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
                body: JSON.stringify({ status: form.elements.status.value })
              });
              var body = await answer.json();
              if (answer.ok) {
                form.elements.status.value = body.status;
                form.closest('tr').dataset.status = body.status;
                output.textContent = 'saved: ' + body.status;
              } else {
                output.textContent = (body.title || answer.status) + ': ' + (body.detail || '');
              }
            } catch (error) {
              output.textContent = 'not saved: ' + error;
            }
          });
        });
        """;
}
