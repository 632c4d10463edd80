namespace Quality.Domain.Sampling;

/// <summary>
/// A drawn sample, complete enough to redraw it and to weight its review results: the seed, the method
/// ("proportional+srs", "neyman+sequential-poisson", …), every stratum and every item with its inclusion probability.
/// Strata and items are in ordinal key order, whatever the input order.
/// </summary>
public sealed record SampleManifest(
    string Seed,
    string Method,
    int Size,
    IReadOnlyList<StratumSample> Strata,
    IReadOnlyList<SampledItem> Items);
