namespace Quality.Domain.Facts;

/// <summary>The batch a shard's facts belong to: its columns, and its partition (pipeline, date).</summary>
/// <param name="Date">The day the batch counts for: the UTC day its delivery arrived (offline, the day given).</param>
public sealed record FactOrigin(string BatchId, string DeliveryId, string Vendor, string Pipeline, DateOnly Date)
{
    public ObjectFact Stamp(ObjectFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return fact with { BatchId = BatchId, DeliveryId = DeliveryId, Vendor = Vendor };
    }

    public TagFact Stamp(TagFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return fact with { BatchId = BatchId, DeliveryId = DeliveryId, Vendor = Vendor };
    }
}
