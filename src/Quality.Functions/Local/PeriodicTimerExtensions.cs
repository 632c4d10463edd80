namespace Quality.Functions.Local;

internal static class PeriodicTimerExtensions
{
    /// <summary>Waits for the next tick; false when stopping, instead of an exception.</summary>
    public static async Task<bool> TickAsync(this PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
