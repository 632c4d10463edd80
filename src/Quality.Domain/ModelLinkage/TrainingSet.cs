namespace Quality.Domain.ModelLinkage;

/// <summary>The audited deliveries a version's training data names, and the named ids no audit was found for.</summary>
internal sealed record TrainingSet(IReadOnlyList<TrainingDelivery> Deliveries, IReadOnlyList<string> NotFound)
{
    public static TrainingSet Of(ModelEvaluation evaluation, IReadOnlyList<TrainingDelivery> audited)
    {
        var included = audited.Where(evaluation.TrainedOn.Includes).ToList();
        return new(included, [.. evaluation.TrainedOn.Deliveries.Where(id => !included.Any(d => d.DeliveryId == id))]);
    }

    /// <summary>Gold errors of a class pooled over the deliveries.</summary>
    public ClassLabelErrors Errors(string objectClass) => Pooled(Deliveries, objectClass);

    public static ClassLabelErrors Pooled(IEnumerable<TrainingDelivery> deliveries, string objectClass) =>
        deliveries.Aggregate(default(ClassLabelErrors), (sum, d) => d.Classes.TryGetValue(objectClass, out var e) ? sum.Add(e) : sum);

    /// <summary>The same delivery in two sets: the same pipeline and id.</summary>
    public static bool Same(TrainingDelivery a, TrainingDelivery b) => a.Pipeline == b.Pipeline && a.DeliveryId == b.DeliveryId;
}
