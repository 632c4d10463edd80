using Cronos;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Quality.LocalHost.Catalog;
using Quality.LocalHost.Invocation;

namespace Quality.LocalHost.Triggers;

/// <summary>
/// Runs each timer-triggered function on its NCRONTAB schedule (six fields, with seconds, in UTC as the Functions host
/// reads it), with the same <see cref="TimerInfo"/> it would pass.
/// </summary>
internal sealed partial class TimerTriggerScheduler(
    FunctionCatalog catalog,
    FunctionInvoker invoker,
    TimeProvider time,
    IOptions<TriggerOptions> options,
    ILogger<TimerTriggerScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Timers
            ? Task.WhenAll(catalog.OfKind(TriggerKind.Timer).Select(f => RunOnScheduleAsync(f, stoppingToken)))
            : Task.CompletedTask;

    private async Task RunOnScheduleAsync(FunctionDescriptor function, CancellationToken stoppingToken)
    {
        var schedule = CronExpression.Parse(function.TimerTrigger.Schedule, CronFormat.IncludeSeconds);
        DateTimeOffset? last = null;
        if (function.TimerTrigger.RunOnStartup)
        {
            await InvokeAsync(function, schedule, last, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested && schedule.GetNextOccurrence(time.GetUtcNow(), TimeZoneInfo.Utc) is { } next)
        {
            try
            {
                var wait = next - time.GetUtcNow();
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await InvokeAsync(function, schedule, last, stoppingToken);
            last = next;
        }
    }

    private async Task InvokeAsync(FunctionDescriptor function, CronExpression schedule, DateTimeOffset? last, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var timer = new TimerInfo
        {
            IsPastDue = false,
            ScheduleStatus = new ScheduleStatus
            {
                Last = (last ?? now).UtcDateTime,
                Next = schedule.GetNextOccurrence(now, TimeZoneInfo.Utc)?.UtcDateTime ?? DateTime.MaxValue,
                LastUpdated = now.UtcDateTime,
            },
        };
        try
        {
            await invoker.InvokeAsync(function, timer, new Dictionary<string, object?>(), stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, ex, function.Name);
        }
    }

    [LoggerMessage(EventId = 4200, Level = LogLevel.Error, Message = "Timer function {Function} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function);
}
