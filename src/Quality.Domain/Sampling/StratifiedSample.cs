using System.Globalization;

namespace Quality.Domain.Sampling;

/// <summary>Reproducible stratified selection of items for review.</summary>
/// <remarks>
/// Items are grouped by stratum; the total is allocated proportionally or by Neyman (n_h ∝ N_h·√(p_h(1 − p_h))) with a
/// minimum per stratum (<see cref="StratumAllocation"/>); within a stratum the items with the smallest seeded keys are drawn
/// (<see cref="SequentialPoissonSampling"/>: simple random sampling, or πps by risk weight). Every key is a pure function of
/// (seed, item id), so the sample does not depend on input order and anyone with the seed and the ids can redraw it.
/// Duplicate ids, empty ids or non-positive weights are caller errors.
/// </remarks>
public static class StratifiedSample
{
    public static SampleManifest Select(IEnumerable<SampleItem> items, SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Size);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MinimumPerStratum);
        var strata = Group(items);
        var sizes = strata.Select(s => s.Value.Count).ToArray();
        var scores = strata.Select(s => options.Allocation == SampleAllocation.Neyman ? s.Value.Count * Deviation(options, s.Key) : s.Value.Count).ToArray();
        var allocation = StratumAllocation.Allocate(sizes, scores, options.Size, options.MinimumPerStratum);
        var drawn = strata.SelectMany((s, h) => SequentialPoissonSampling.Draw(s.Value, allocation[h], options.Seed, options.RiskWeighted))
            .OrderBy(item => item.Stratum, StringComparer.Ordinal).ThenBy(item => item.ItemId, StringComparer.Ordinal)
            .ToArray();
        var method = (options.Allocation == SampleAllocation.Neyman ? "neyman" : "proportional") + (options.RiskWeighted ? "+sequential-poisson" : "+srs");
        return new SampleManifest(
            options.Seed,
            method,
            allocation.Sum(),
            [.. strata.Select((s, h) => new StratumSample(s.Key, sizes[h], allocation[h], allocation[h]))],
            drawn);
    }

    private static List<KeyValuePair<string, List<SampleItem>>> Group(IEnumerable<SampleItem> items)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var strata = new SortedDictionary<string, List<SampleItem>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            ArgumentException.ThrowIfNullOrEmpty(item.ItemId, nameof(items));
            ArgumentNullException.ThrowIfNull(item.Stratum, nameof(items));
            if (!ids.Add(item.ItemId))
            {
                throw new ArgumentException($"Item '{item.ItemId}' appears twice.", nameof(items));
            }

            if (!(item.Weight > 0 && double.IsFinite(item.Weight)))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Item '{item.ItemId}' has weight {item.Weight}; weights are positive and finite."), nameof(items));
            }

            if (!strata.TryGetValue(item.Stratum, out var list))
            {
                strata[item.Stratum] = list = [];
            }

            list.Add(item);
        }

        return [.. strata];
    }

    private static double Deviation(SampleOptions options, string stratum)
    {
        var p = options.ExpectedErrorRates?.GetValueOrDefault(stratum, options.DefaultExpectedErrorRate) ?? options.DefaultExpectedErrorRate;
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0.0, nameof(options.ExpectedErrorRates));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1.0, nameof(options.ExpectedErrorRates));
        return Math.Sqrt(p * (1 - p));
    }
}
