using System.Globalization;
using Quality.Domain.Standards;

namespace Quality.Domain.Sampling;

/// <summary>Draws a delivery's review sample under a standard's sampling settings (docs/sampling.md, "The review loop").</summary>
/// <remarks>
/// The lot is the delivery's units (<see cref="ReviewUnit"/>); the plan is Z1.4's for the lot size, the standard's AQL
/// and level, at the severity the vendor's inspection state is at. The plan's sample size is drawn stratified
/// (<see cref="StratifiedSample"/>, proportional allocation) with the standard's minimum per stratum and, if asked,
/// risk-weighted by disagreement. A pure function of (frame, settings, seed, severity): the frame's order does not matter.
/// </remarks>
public static class AuditSampling
{
    /// <summary>
    /// The seed of a delivery's draw: the standard's, else <c>{pipeline}/{vendor}/{deliveryId}</c> — the same for the
    /// pipeline and <c>quality sample</c>, and for every re-run of the delivery.
    /// </summary>
    public static string SeedFor(SamplingSettings settings, string pipeline, string vendor, string deliveryId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Seed?.ToString(CultureInfo.InvariantCulture) ?? $"{pipeline}/{vendor}/{deliveryId}";
    }

    public static AuditSample Draw(IReadOnlyList<ReviewUnit> frame, SamplingSettings settings, string seed, InspectionSeverity severity)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(seed);
        if (!settings.RiskWeighted)
        {
            // The same draw as finalize's, which reads the frame in parts.
            var draw = new ReviewSampleDraw(settings, seed, severity);
            while (!draw.IsDrawn)
            {
                draw.Add(frame);
                draw.EndPass();
            }

            return draw.Result();
        }

        // In ordinal id order, stable (a duplicate id keeps the frame's order): the stratum weight sums are then added in the
        // same order whatever order the shards delivered the frame in, so π agrees to the last bit. Each id is a JSON
        // serialization: computed once per unit, and the drawn units found again by binary search.
        var frameIds = frame.Select(u => u.Id).ToArray();
        var order = Enumerable.Range(0, frameIds.Length).ToArray();
        Array.Sort(order, (x, y) => string.CompareOrdinal(frameIds[x], frameIds[y]) is var c and not 0 ? c : x.CompareTo(y));
        var units = Array.ConvertAll(order, i => frame[i]);
        var ids = Array.ConvertAll(order, i => frameIds[i]);
        var plan = AcceptanceSampling.Plan(Math.Max(2, units.Length), settings.Aql, InspectionLevelNames.Parse(settings.Level), severity);
        if (units.Length < 2)
        {
            // Table I starts at 2 items; a lot of 0 or 1 is inspected whole under letter A's plan.
            plan = plan with { LotSize = units.Length, SampleSize = units.Length, InspectsWholeLot = true };
        }

        var strata = ReviewFrame.Strata(units, settings.Strata);
        var manifest = StratifiedSample.Select(
            units.Select((u, i) => new SampleItem(ids[i], strata[i], u.RiskWeight)),
            new SampleOptions { Size = plan.SampleSize, Seed = seed, MinimumPerStratum = settings.MinimumPerStratum, RiskWeighted = settings.RiskWeighted });
        ReviewUnit Drawn(SampledItem item) => units[Array.BinarySearch(ids, item.ItemId, StringComparer.Ordinal)];
        return new AuditSample(
            seed,
            manifest.Method,
            units.Length,
            settings.Strata,
            settings.MinimumPerStratum,
            settings.RiskWeighted,
            AuditPlan.From(plan),
            manifest.Size,
            manifest.Strata,
            [.. manifest.Items.Select(i => (Sampled: i, Unit: Drawn(i)))
                .Select(d => new AuditSampleItem(d.Sampled.ItemId, d.Unit.Item, d.Unit.Annotator, d.Sampled.Stratum, d.Sampled.InclusionProbability, d.Unit.Agreement))]);
    }
}
