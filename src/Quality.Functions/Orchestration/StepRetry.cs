using Microsoft.DurableTask;

namespace Quality.Functions.Orchestration;

/// <summary>
/// How every orchestration retries an activity: 4 attempts, 2, 4 and 8 s apart. Only activities retry: a step's bad
/// input is a result, so what throws is transient or a fault. Sub-orchestrations do not retry on top (their activities
/// already have), or attempts would multiply and a part would recompute shards that succeeded.
/// </summary>
internal static class StepRetry
{
    public const int MaxAttempts = 4;

    public static readonly TaskOptions Options = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: MaxAttempts, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2));
}
