namespace Quality.Domain.Sampling;

/// <summary>An item that may be drawn for review.</summary>
/// <param name="ItemId">Unique among the items; with the seed it decides whether the item is drawn.</param>
/// <param name="Stratum">The stratum key (class, data type, vendor…; join several keys into one, e.g. "pedestrian|night").</param>
/// <param name="Weight">Risk weight &gt; 0 for risk-weighted selection (e.g. 0.05 + (1 − agreement)); ignored otherwise.</param>
public readonly record struct SampleItem(string ItemId, string Stratum, double Weight = 1);
