namespace Quality.Domain.Agreement;

/// <summary>What one annotator does to alpha: alpha with their values left out, and the change that makes.</summary>
/// <param name="Annotator">The annotator.</param>
/// <param name="Values">Values the annotator gave, units with a single value included.</param>
/// <param name="AlphaWithout">Alpha over the same units without this annotator's values.</param>
/// <param name="Change">AlphaWithout − alpha with everyone: positive when leaving the annotator out raises agreement.</param>
public readonly record struct AnnotatorInfluence(string Annotator, long Values, KrippendorffAlphaResult AlphaWithout, double Change);
