namespace Quality.Domain.Sampling;

/// <summary>The population error rate from the review of a <see cref="SampleManifest"/>, weighted by its design.</summary>
/// <remarks>
/// Per stratum h with m_h reviewed items, design weights d_i = 1/π_i and errors y_i ∈ {0, 1}: the Hájek (ratio
/// Horvitz–Thompson) rate p̂_h = Σd_i·y_i / Σd_i and its linearised variance with the finite-population correction
/// v_h = (1 − m_h/N_h)·m_h/(m_h − 1)·Σ(d_i/Σd)²(y_i − p̂_h)². Overall p̂ = Σ W_h·p̂_h, v = Σ W_h²·v_h, W_h = N_h/N,
/// interval p̂ ± z·√v clipped to [0, 1]. With simple random sampling in a stratum (equal π) this is Cochran's (1977, ch. 5)
/// stratified proportion: p̂_h the sample share, v_h = (1 − f_h)·p̂_h(1 − p̂_h)/(m_h − 1). Items drawn but not reviewed are
/// treated as missing at random within their stratum. A stratum without reviewed items leaves the rate not defined; one
/// with a single reviewed item (and not a census) leaves the interval not defined. Review results for items not in the
/// manifest are caller errors.
/// </remarks>
public static class StratifiedErrorRate
{
    public static ErrorRateEstimate Estimate(SampleManifest manifest, IReadOnlyDictionary<string, bool> errors, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(errors);
        SamplingArguments.ThrowIfNotProbability(confidence, nameof(confidence));
        var sampled = manifest.Items.ToDictionary(item => item.ItemId, StringComparer.Ordinal);
        if (errors.Keys.FirstOrDefault(id => !sampled.ContainsKey(id)) is { } stranger)
        {
            throw new ArgumentException($"Item '{stranger}' has a review result but is not in the sample.", nameof(errors));
        }

        var reviewed = sampled.Values.Where(item => errors.ContainsKey(item.ItemId)).ToLookup(item => item.Stratum, StringComparer.Ordinal);
        double population = manifest.Strata.Sum(s => (long)s.Population), rate = 0, variance = 0;
        string? reason = null;
        foreach (var stratum in manifest.Strata.Where(s => s.Population > 0))
        {
            var items = reviewed[stratum.Key].ToArray();
            if (items.Length == 0)
            {
                return new ErrorRateEstimate(double.NaN, double.NaN, double.NaN, double.NaN, errors.Count, $"stratum '{stratum.Key}' has no reviewed items");
            }

            var share = stratum.Population / population;
            var weightSum = items.Sum(item => 1 / item.InclusionProbability);
            var p = items.Sum(item => errors[item.ItemId] ? 1 / item.InclusionProbability : 0) / weightSum;
            var fpc = 1 - ((double)items.Length / stratum.Population);
            rate += share * p;
            if (fpc > 0 && items.Length == 1)
            {
                reason ??= $"stratum '{stratum.Key}' has a single reviewed item: its variance is not defined";
                continue;
            }

            var spread = items.Sum(item => Math.Pow(1 / item.InclusionProbability / weightSum, 2) * Math.Pow((errors[item.ItemId] ? 1 : 0) - p, 2));
            variance += share * share * Math.Max(0, fpc) * items.Length / Math.Max(1, items.Length - 1) * spread;
        }

        if (reason is not null)
        {
            return new ErrorRateEstimate(rate, double.NaN, double.NaN, double.NaN, errors.Count, reason);
        }

        var standardError = Math.Sqrt(variance);
        var z = SamplingArguments.TwoSidedZ(confidence);
        return new ErrorRateEstimate(rate, standardError, Math.Max(0, rate - (z * standardError)), Math.Min(1, rate + (z * standardError)), errors.Count, null);
    }
}
