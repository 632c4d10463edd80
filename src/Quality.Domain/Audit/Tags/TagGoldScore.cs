using Quality.Domain.Agreement.Kappa;
using Quality.Domain.Matching;

namespace Quality.Domain.Audit.Tags;

/// <summary>One field's tags against gold (one annotator's or pooled) with the n behind every figure.</summary>
/// <param name="Compared">Gold items the annotator worked on (tagged any field of), missing tags included.</param>
/// <param name="Correct">Of those, tagged with the gold value.</param>
/// <param name="Missing">Of those, left untagged in this field.</param>
/// <param name="Accuracy">Correct / compared with its Wilson interval; NaN with no item compared.</param>
/// <param name="Kappa">Cohen's kappa against gold over the compared − missing items; null when none was tagged.</param>
public sealed record TagGoldScore(long Compared, long Correct, long Missing, RateEstimate Accuracy, AgreementEstimate? Kappa);
