using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Quality.Functions.AuditLog;
using Quality.Functions.Http;
using Quality.Pipeline.Rollups;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Rollups;

/// <summary><c>/api/rollups/daily?date=YYYY-MM-DD</c>: read a day's rollup (GET) or compute it now (POST).</summary>
internal sealed class RollupFunctions(TableRollupStore rollups, DailyRollupJob job, Changes changes)
{
    [Function("GetDailyRollup")]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "rollups/daily")] HttpRequest request, CancellationToken cancellationToken)
        => await ForDayAsync(request, async day => await rollups.ReadDayAsync(DailyRollup.DateKey(day), cancellationToken));

    [Function("ComputeDailyRollupNow")]
    public async Task<IResult> ComputeNowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "rollups/daily")] HttpRequest request, CancellationToken cancellationToken)
        => await ForDayAsync(request, async day =>
        {
            var computed = await job.RunAsync(day, cancellationToken);
            await changes.RecordAsync(request, "rollup.recomputed", null, DailyRollup.DateKey(day), $"{computed.Count} pipelines", cancellationToken);
            return computed;
        });

    /// <summary>The day's rollups as <paramref name="rollupsOf"/> gives them, or 400 naming <c>date</c>.</summary>
    private static async Task<IResult> ForDayAsync(HttpRequest request, Func<DateOnly, Task<IReadOnlyList<DailyRollup>>> rollupsOf)
    {
        var date = Query.String(request, "date");
        return ParseDate(date) is { } day
            ? TypedResults.Ok(new DailyRollupListView(DailyRollup.DateKey(day), (await rollupsOf(day)).Select(DailyRollupView.From).ToList()))
            : BadDate(date);
    }

    private static DateOnly? ParseDate(string? date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static IResult BadDate(string? date) =>
        Problems.BadRequest("date", date is null ? "missing; give the day as YYYY-MM-DD (UTC)." : $"'{date}' is not a date as YYYY-MM-DD.");
}
