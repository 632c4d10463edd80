namespace Quality.Domain.Matching;

/// <summary>What became of one object when a candidate set is compared with a reference (gold) set.</summary>
public enum MatchOutcome
{
    /// <summary>Matched, same class.</summary>
    TruePositive,

    /// <summary>Matched, different class: one error, not a miss plus an extra.</summary>
    Misclassified,

    /// <summary>A reference object no candidate object matched (false negative).</summary>
    Missed,

    /// <summary>A candidate object that matched no reference object (false positive).</summary>
    Extra,
}
