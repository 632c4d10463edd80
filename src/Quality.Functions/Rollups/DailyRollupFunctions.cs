using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Quality.Functions.Orchestration;
using Quality.Pipeline.Rollups;

namespace Quality.Functions.Rollups;

/// <summary>
/// The daily rollup on its schedule: at 00:30 UTC the timer starts a <c>RollupDay</c> orchestration for the day before,
/// with the day as its instance id, so the timer firing on two instances (or twice) rolls the day up once.
/// </summary>
internal sealed partial class DailyRollupFunctions(DailyRollupJob job, TimeProvider time, ILogger<DailyRollupFunctions> logger)
{
    /// <summary>NCRONTAB with seconds, UTC: 00:30 every day.</summary>
    public const string Schedule = "0 30 0 * * *";

    public const string RollupDay = nameof(RollupDay);

    public const string ComputeDailyRollup = nameof(ComputeDailyRollup);

    [Function("DailyRollup")]
    public async Task StartAsync(
        [TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var day = DailyRollup.DateKey(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1));
        if (await SingleInstance.StartAsync(client, RollupDay, day, "rollup-" + day, cancellationToken,
                startAgain: existing => existing.RuntimeStatus == OrchestrationRuntimeStatus.Failed))
        {
            LogScheduled(logger, day, timer?.IsPastDue ?? false);
        }
    }

    [Function(RollupDay)]
    public static Task<int> RollupDayAsync([OrchestrationTrigger] TaskOrchestrationContext context, string date)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<int>(ComputeDailyRollup, date, StepRetry.Options);
    }

    /// <returns>How many pipelines had deliveries that day.</returns>
    [Function(ComputeDailyRollup)]
    public async Task<int> ComputeAsync([ActivityTrigger] string date, CancellationToken cancellationToken) =>
        (await job.RunAsync(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), cancellationToken)).Pipelines.Count;

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Daily rollup of {Day} scheduled (past due: {PastDue})")]
    private static partial void LogScheduled(ILogger logger, string day, bool pastDue);
}
