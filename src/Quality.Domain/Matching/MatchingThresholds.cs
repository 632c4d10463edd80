namespace Quality.Domain.Matching;

/// <summary>The similarity τ a pair must reach to be matched, per class of the object it is judged by.</summary>
/// <remarks>
/// Matching is class-agnostic, so one pair has one threshold: against a reference (gold) it is the reference
/// object's class's τ (<see cref="GoldComparison"/>); between two annotators, who are symmetric, the larger of the
/// two objects' τ (<see cref="DetectionAgreement"/>).
/// </remarks>
public sealed record MatchingThresholds
{
    private readonly double _default = MaximumWeightMatching.DefaultThreshold;
    private readonly IReadOnlyDictionary<string, double> _byClass = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>τ for classes without their own, 0.5 unless set.</summary>
    public double Default
    {
        get => _default;
        init
        {
            MaximumWeightMatching.ValidateThreshold(value);
            _default = value;
        }
    }

    /// <summary>τ per class (e.g. 0.7 for cars), classes compared ordinally.</summary>
    public IReadOnlyDictionary<string, double> ByClass
    {
        get => _byClass;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var threshold in value.Values)
            {
                MaximumWeightMatching.ValidateThreshold(threshold);
            }

            _byClass = value;
        }
    }

    public double For(string objectClass)
    {
        ArgumentNullException.ThrowIfNull(objectClass);
        return _byClass.TryGetValue(objectClass, out var threshold) ? threshold : _default;
    }
}
