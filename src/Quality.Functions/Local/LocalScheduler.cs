using Cronos;
using Microsoft.Extensions.Options;
using Quality.Pipeline.Activities;
using Quality.Pipeline.Rollups;

namespace Quality.Functions.Local;

/// <summary>Stands in for the timer triggers locally: DailyRollup on its cron schedule, the run sweeper on an interval.</summary>
internal sealed partial class LocalScheduler(
    DailyRollupJob rollup,
    RunSweeper sweeper,
    TimeProvider time,
    IOptions<LocalDriverOptions> options,
    ILogger<LocalScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(RollupLoopAsync(stoppingToken), SweepLoopAsync(stoppingToken));

    private async Task RollupLoopAsync(CancellationToken stoppingToken)
    {
        var schedule = CronExpression.Parse(options.Value.DailyRollupSchedule);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = schedule.GetNextOccurrence(now, TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }

            await DelayAsync(next.Value - now, stoppingToken);
            await RunSafelyAsync(() => rollup.RunAsync(DateOnly.FromDateTime(next.Value.UtcDateTime).AddDays(-1), stoppingToken), stoppingToken);
        }
    }

    private async Task SweepLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.TickAsync(stoppingToken))
        {
            await RunSafelyAsync(() => sweeper.SweepAsync(stoppingToken), stoppingToken);
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task RunSafelyAsync(Func<Task> job, CancellationToken stoppingToken)
    {
        try
        {
            await job();
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogJobFailed(logger, ex);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(EventId = 2200, Level = LogLevel.Error, Message = "A scheduled job failed")]
    private static partial void LogJobFailed(ILogger logger, Exception exception);
}
