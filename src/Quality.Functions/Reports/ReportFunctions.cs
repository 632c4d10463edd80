using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Quality.Functions.Batches;
using Quality.Pipeline.Reports;
using Quality.Pipeline.Reports.Html;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Reports;

/// <summary>
/// <c>/api/batches/{id}/report</c>: a completed batch as one self-contained HTML page — verdict, the figures that decided
/// it, agreement, scorecards, confusion, violations, control charts, findings, sample and lot — the same document
/// <c>quality audit FILE --html</c> writes offline (docs/reports.md).
/// </summary>
internal sealed class ReportFunctions(TableRunStore runs, BatchReportReader reader)
{
    [Function("GetBatchReport")]
    public Task<IResult> GetBatchReportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/batches/{id}/report")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        CompletedBatch.ReportAsync(id, runs, async run =>
        {
            var sources = await reader.ReadAsync(run, cancellationToken);
            return TypedResults.Text(BatchReportPage.Render(BatchReportBuilder.Build(sources)), "text/html; charset=utf-8");
        }, cancellationToken);
}
