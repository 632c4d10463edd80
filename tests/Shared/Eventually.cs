using System.Diagnostics;

namespace Quality.Tests.Shared;

/// <summary>Polls until a condition holds: for tests of asynchronous drivers, with a generous bound and a clear failure.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(60);

    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? patience = null) where T : class
    {
        var limit = patience ?? DefaultPatience;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{what} did not happen within {limit.TotalSeconds:0} s.");
    }
}
