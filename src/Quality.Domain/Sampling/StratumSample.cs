namespace Quality.Domain.Sampling;

/// <summary>One stratum of a <see cref="SampleManifest"/>: its population N_h, the allocation n_h and the items drawn (= n_h).</summary>
public sealed record StratumSample(string Key, int Population, int Allocated, int Selected);
