namespace Quality.Domain.ModelLinkage;

/// <summary>
/// What a model version was trained on: deliveries by id, and/or every delivery of a pipeline, optionally within a date
/// range (inclusive UTC days). A delivery is in the training data when either names it.
/// </summary>
public sealed record TrainingData(IReadOnlyList<string> Deliveries, IReadOnlyList<PipelineRange> Pipelines)
{
    public bool Includes(TrainingDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return Deliveries.Contains(delivery.DeliveryId, StringComparer.Ordinal) || Pipelines.Any(p => p.Includes(delivery));
    }
}

/// <summary>A pipeline's deliveries dated from <see cref="From"/> to <see cref="To"/> (inclusive; open when null).</summary>
public sealed record PipelineRange(string Pipeline, DateOnly? From, DateOnly? To)
{
    /// <remarks>A bounded range holds only deliveries whose date is known.</remarks>
    public bool Includes(TrainingDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.Pipeline != Pipeline)
        {
            return false;
        }

        if (From is null && To is null)
        {
            return true;
        }

        return delivery.Date is { } date && (From is not { } from || date >= from) && (To is not { } to || date <= to);
    }

    public override string ToString() => From is null && To is null ? Pipeline : $"{Pipeline}@{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}
