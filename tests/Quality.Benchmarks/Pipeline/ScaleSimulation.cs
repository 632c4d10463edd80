using System.Globalization;

namespace Quality.Benchmarks.Pipeline;

/// <summary>
/// Issue 20 goal 5's simulation (<c>scale-sim</c>, docs/scale.md): a backlog of 1,000-item deliveries played, in 100 ms
/// ticks, against N Function instances and P Durable partitions under the storage account's published limits. Each
/// delivery is an orchestration on the partition its id hashes to (owned by one instance) and activities any instance
/// takes; each step costs the CPU measured on one dev host and the storage requests counted by <c>requests</c>.
/// A step runs in a tick only if its instance has CPU left and every request budget it draws on has room: the
/// account (20,000 requests/s), the one work-item queue and each control queue (2,000 messages/s each), the
/// pipeline's hot table partitions (2,000 entities/s each). Idle instances poll their queues and spend budget too.
/// Prints deliveries per second against N for P = 4 and 16 and two polling settings, and which budget ran out first.
/// </summary>
internal static class ScaleSimulation
{
    private const double Tick = 0.1;
    private const double Seconds = 60;

    /// <summary>What the simulation is fed: per-delivery costs and the platform's limits.</summary>
    /// <param name="CpuSeconds">CPU-seconds one delivery costs an instance (cores ÷ the single-host throughput measured by <c>hosts</c>).</param>
    /// <param name="WorkItemRequests">Requests on the work-item queue per delivery (activities: put, get, delete).</param>
    /// <param name="ControlRequests">Requests on the delivery's control queue (orchestrator messages).</param>
    /// <param name="HotPartitionRequests">Requests on the pipeline's busiest table partition (all deliveries of one pipeline share it).</param>
    /// <param name="OtherRequests">Every other blob and table request (spread over many partitions and blobs).</param>
    /// <param name="IdlePollsPerInstance">Queue requests per second an idle instance makes (measured: the dev host's polling).</param>
    internal sealed record Costs(
        double CpuSeconds, double WorkItemRequests, double ControlRequests, double HotPartitionRequests, double OtherRequests,
        double IdlePollsPerInstance, int CoresPerInstance = 2, double AccountLimit = 20_000, double QueueLimit = 2_000, double PartitionLimit = 2_000);

    public static int Run(string[] args)
    {
        var measured = Measured(args);
        // The dev host polls an idle hub every 0.5 s at most (11.7 requests/s measured); host.json's 2 s polls a quarter as often.
        foreach (var (costs, partitions, polling) in new[]
        {
            (measured, 4, "dev-host polling"),
            (measured with { IdlePollsPerInstance = measured.IdlePollsPerInstance / 4 }, 4, "host.json polling"),
            (measured with { IdlePollsPerInstance = measured.IdlePollsPerInstance / 4 }, 16, "host.json polling"),
        })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{partitions} partitions, {polling} ({costs.IdlePollsPerInstance:0.0} requests/s per instance); per delivery {costs.CpuSeconds:0.00} CPU-s, " +
                $"work-item queue {costs.WorkItemRequests:0}, control queue {costs.ControlRequests:0}, hot table partition {costs.HotPartitionRequests:0}, " +
                $"other {costs.OtherRequests:0} requests; 1,000-item deliveries always waiting, {Seconds:0} s of 100 ms ticks"));
            foreach (var instances in new[] { 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000 })
            {
                var (rate, bound) = Simulate(costs, instances, partitions);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {instances,4} instances: {rate,6:0.0} deliveries/s, bound by {bound}"));
            }
        }

        return 0;
    }

    /// <summary>The figures measured on this machine (docs/scale.md), or <c>--cpu</c>, <c>--work</c>, … to play others.</summary>
    private static Costs Measured(string[] args)
    {
        double Arg(string name, double fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new Costs(
            CpuSeconds: Arg("--cpu", 0.33),
            WorkItemRequests: Arg("--work", 19),
            ControlRequests: Arg("--control", 25),
            HotPartitionRequests: Arg("--hot", 12),
            OtherRequests: Arg("--other", 59),
            IdlePollsPerInstance: Arg("--idle", 11.7));
    }

    /// <summary>Deliveries completed per second over the simulated minute, and the budget that most often stopped a step.</summary>
    internal static (double Rate, string Bound) Simulate(Costs costs, int instances, int partitions)
    {
        var completed = 0.0;
        var stops = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0.0; t < Seconds; t += Tick)
        {
            var account = (costs.AccountLimit * Tick) - (instances * costs.IdlePollsPerInstance * Tick);
            // Idle polls land on the work-item queue (every instance) and on the control queues (their owners).
            var workItems = (costs.QueueLimit * Tick) - (instances * costs.IdlePollsPerInstance * Tick * 0.5);
            var control = Enumerable.Repeat((costs.QueueLimit * Tick) - (Math.Min(instances, partitions) * costs.IdlePollsPerInstance * Tick * 0.5 / partitions), partitions).ToArray();
            var hot = costs.PartitionLimit * Tick;
            var cpu = instances * costs.CoresPerInstance * Tick;
            // Each partition's owner can only run its orchestrations; activities go to any instance with CPU.
            for (var progressed = true; progressed;)
            {
                progressed = false;
                for (var p = 0; p < partitions; p++)
                {
                    // A slice of one delivery: 5% of its work, requests and CPU.
                    const double slice = 0.05;
                    var needs = new (string Budget, double Have, double Need)[]
                    {
                        ("CPU (instances)", cpu, costs.CpuSeconds * slice),
                        ("account 20,000 requests/s", account, (costs.WorkItemRequests + costs.ControlRequests + costs.HotPartitionRequests + costs.OtherRequests) * slice),
                        ("work-item queue 2,000/s", workItems, costs.WorkItemRequests * slice),
                        ("control queue 2,000/s", control[p], costs.ControlRequests * slice),
                        ("hot table partition 2,000/s", hot, costs.HotPartitionRequests * slice),
                    };
                    if (needs.FirstOrDefault(n => n.Have < n.Need) is { Budget: not null } lacking)
                    {
                        stops[lacking.Budget] = stops.GetValueOrDefault(lacking.Budget) + 1;
                        continue;
                    }

                    cpu -= needs[0].Need;
                    account -= needs[1].Need;
                    workItems -= needs[2].Need;
                    control[p] -= needs[3].Need;
                    hot -= needs[4].Need;
                    completed += slice;
                    progressed = true;
                }
            }
        }

        var bound = stops.MaxBy(s => s.Value).Key;
        return (completed / Seconds, bound);
    }
}
