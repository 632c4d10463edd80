using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Quality.Functions.AuditLog;
using Quality.Functions.Http;
using Quality.Pipeline.Reports.Html;
using Quality.Pipeline.Rollups;

namespace Quality.Functions.Rollups;

/// <summary>
/// <c>/api/rollups/daily?date=YYYY-MM-DD</c>: a day's quality brief as JSON (GET), as an HTML page (GET
/// <c>/report</c>), or computed now (POST). A day not computed yet is 404 saying when it will be.
/// </summary>
internal sealed class RollupFunctions(StoredBriefs briefs, DailyRollupJob job, Changes changes, TimeProvider time)
{
    [Function("GetDailyRollup")]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/rollups/daily")] HttpRequest request, CancellationToken cancellationToken)
        => await StoredAsync(request, brief => TypedResults.Ok(brief), cancellationToken);

    [Function("GetDailyBriefReport")]
    public async Task<IResult> GetReportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/rollups/daily/report")] HttpRequest request, CancellationToken cancellationToken)
        => await StoredAsync(request, brief => TypedResults.Text(DailyBriefPage.Render(brief), "text/html; charset=utf-8"), cancellationToken);

    [Function("ComputeDailyRollupNow")]
    public async Task<IResult> ComputeNowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/rollups/daily")] HttpRequest request, CancellationToken cancellationToken)
    {
        var date = Query.String(request, "date");
        if (ParseDate(date) is not { } day)
        {
            return BadDate(date);
        }

        var brief = await job.RunAsync(day, cancellationToken);
        await changes.RecordAsync(request, "rollup.recomputed", null, brief.Date, $"{brief.Pipelines.Count} pipelines", cancellationToken);
        return TypedResults.Ok(brief);
    }

    /// <summary>The stored brief of the <c>date</c> the request names, answered by <paramref name="answer"/>; 400 or 404 otherwise.</summary>
    private async Task<IResult> StoredAsync(HttpRequest request, Func<DailyBrief, IResult> answer, CancellationToken cancellationToken)
    {
        var date = Query.String(request, "date");
        if (ParseDate(date) is not { } day)
        {
            return BadDate(date);
        }

        return await briefs.ReadAsync(day, cancellationToken) is { } brief ? answer(brief) : NotComputed(day);
    }

    /// <summary>404 saying when the day is (or was) computed: the DailyRollup timer computes a day at 00:30 UTC the day after.</summary>
    private Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotComputed(DateOnly day)
    {
        var due = new DateTimeOffset(day.AddDays(1).ToDateTime(new TimeOnly(0, 30)), TimeSpan.Zero);
        var key = DailyRollup.DateKey(day);
        var when = due.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var detail = time.GetUtcNow() < due
            ? $"The brief of {key} is not computed yet: the DailyRollup timer computes it at {when}, once the day is over."
            : $"The brief of {key} has not been computed: the DailyRollup timer was due to compute it at {when} (it computes only the day before). POST /api/rollups/daily?date={key} (admin) computes it now.";
        return TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not computed",
            extensions: new Dictionary<string, object?> { ["computesAt"] = when });
    }

    private static DateOnly? ParseDate(string? date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static IResult BadDate(string? date) =>
        Problems.BadRequest("date", date is null ? "missing; give the day as YYYY-MM-DD (UTC)." : $"'{date}' is not a date as YYYY-MM-DD.");
}
