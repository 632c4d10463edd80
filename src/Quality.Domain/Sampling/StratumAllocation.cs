namespace Quality.Domain.Sampling;

/// <summary>Shares an integer total among strata in proportion to scores, with a floor per stratum and the stratum size as cap.</summary>
/// <remarks>
/// The total is first clamped to [Σ min(minimum, N_h), Σ N_h]. The real targets are t_h = clamp(λ·a_h, floor_h, N_h) with
/// the one λ that makes Σ t_h = n (found by bisection; Σ t_h grows continuously with λ), so strata held at a bound give
/// their share to the others in proportion. A zero score (Neyman with p = 0 or 1) counts as 10⁻¹²·N_h: such a stratum
/// gets its floor unless every other one is full. The targets are rounded by largest remainder (Hamilton), ties by
/// stratum order, within the bounds.
/// </remarks>
internal static class StratumAllocation
{
    public static int[] Allocate(IReadOnlyList<int> sizes, IReadOnlyList<double> scores, int total, int minimum)
    {
        var floors = sizes.Select(size => Math.Min(minimum, size)).ToArray();
        var n = Math.Clamp(total, floors.Sum(), sizes.Sum());
        var weights = scores.Select((score, h) => score > 0 ? score : 1e-12 * sizes[h]).ToArray();
        double[] Targets(double lambda) => [.. weights.Select((w, h) => Math.Clamp(lambda * w, floors[h], sizes[h]))];
        double low = 0, high = weights.Select((w, h) => sizes[h] / w).DefaultIfEmpty(0).Max();
        for (var iteration = 0; iteration < 200 && high - low > 1e-15 * high; iteration++)
        {
            var middle = (low + high) / 2;
            (low, high) = Targets(middle).Sum() < n ? (middle, high) : (low, middle);
        }

        return Round(Targets(high), floors, sizes, n);
    }

    private static int[] Round(double[] targets, int[] floors, IReadOnlyList<int> sizes, int n)
    {
        var allocation = targets.Select((t, h) => Math.Clamp((int)Math.Floor(t + 1e-9), floors[h], sizes[h])).ToArray();
        var order = Enumerable.Range(0, targets.Length).OrderByDescending(h => targets[h] - Math.Floor(targets[h] + 1e-9)).ThenBy(h => h).ToArray();
        for (var pass = 0; allocation.Sum() != n && pass <= sizes.Count; pass++)
        {
            foreach (var h in order)
            {
                var difference = n - allocation.Sum();
                if (difference > 0 && allocation[h] < sizes[h])
                {
                    allocation[h]++;
                }
                else if (difference < 0 && allocation[h] > floors[h])
                {
                    allocation[h]--;
                }
            }
        }

        return allocation;
    }
}
