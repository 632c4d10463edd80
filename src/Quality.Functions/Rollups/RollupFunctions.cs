using System.Globalization;
using Quality.Domain.Audit;
using Quality.Pipeline.Rollups;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Rollups;

/// <summary><c>/api/rollups/daily?date=YYYY-MM-DD</c>: read a day's rollup (GET) or compute it now (POST).</summary>
internal static class RollupEndpoints
{
    public static IEndpointRouteBuilder MapRollupEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/rollups/daily", async (string? date, TableRollupStore rollups, CancellationToken cancellationToken) =>
            ParseDate(date) is { } day
                ? TypedResults.Ok(new DailyRollupListView(DailyRollup.DateKey(day),
                    (await rollups.ReadDayAsync(DailyRollup.DateKey(day), cancellationToken)).Select(DailyRollupView.From).ToList()))
                : BadDate(date));

        app.MapPost("/api/rollups/daily", async (string? date, DailyRollupJob job, CancellationToken cancellationToken) =>
            ParseDate(date) is { } day
                ? TypedResults.Ok(new DailyRollupListView(DailyRollup.DateKey(day),
                    (await job.RunAsync(day, cancellationToken)).Select(DailyRollupView.From).ToList()))
                : BadDate(date));
        return app;
    }

    private static DateOnly? ParseDate(string? date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static IResult BadDate(string? date) =>
        Problems.BadRequest("date", date is null ? "missing; give the day as YYYY-MM-DD (UTC)." : $"'{date}' is not a date as YYYY-MM-DD.");
}

internal sealed record DailyRollupListView(string Date, IReadOnlyList<DailyRollupView> Pipelines);

internal sealed record DailyRollupView(
    string Pipeline,
    int Deliveries,
    long Items,
    long Annotations,
    IReadOnlyDictionary<string, int> StatusCounts,
    AlphaSummaryView Alpha,
    DateTimeOffset ComputedTime)
{
    public static DailyRollupView From(DailyRollup r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Pipeline, r.Deliveries, r.Items, r.Annotations, r.StatusCounts,
            new AlphaSummaryView(r.AlphaBatches, AgreementView.Defined(r.AlphaMean), AgreementView.Defined(r.AlphaMin), AgreementView.Defined(r.AlphaMax)),
            r.ComputedTime);
    }
}

/// <summary>Mean and range of the batches' headline alpha; n is the number of batches with a defined alpha.</summary>
internal sealed record AlphaSummaryView(int N, double? Mean, double? Min, double? Max);
