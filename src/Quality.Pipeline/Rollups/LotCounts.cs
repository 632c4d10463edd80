namespace Quality.Pipeline.Rollups;

/// <summary>The lots the day's review deliveries decided (Z1.4 acceptance sampling), and reviews that left a lot incomplete.</summary>
public sealed record LotCounts(int Accepted, int Rejected, int Incomplete);
