using Quality.Domain.Facts;
using Quality.Pipeline.Runs;

namespace Quality.Pipeline.Facts;

/// <summary>A run's facts origin: its batch, delivery and vendor, partitioned by pipeline and the UTC day the delivery arrived.</summary>
public static class RunFacts
{
    /// <summary>Names of a delivery whose header could not say (a run is rejected before it has facts, so this is a fallback).</summary>
    private const string Unknown = "unknown";

    public static FactOrigin Origin(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new FactOrigin(run.Id, run.DeliveryId ?? Unknown, run.Vendor ?? Unknown, run.Pipeline ?? Unknown, DateOnly.FromDateTime(run.CreatedTime.UtcDateTime));
    }
}
