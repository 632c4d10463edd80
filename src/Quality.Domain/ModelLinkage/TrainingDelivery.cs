using Quality.Domain.Audit;
using Quality.Domain.Standards;

namespace Quality.Domain.ModelLinkage;

/// <summary>
/// The label quality of one delivery a model may have been trained on, as its audit found it: its verdict, gold errors
/// per class, headline agreement and what was found in it. The pipeline fills it from a batch's stored reports, the
/// command line from <c>quality audit --json</c>; the comparison does not know which.
/// </summary>
/// <param name="Date">The UTC day the delivery arrived, for a training data's date range; null when not known.</param>
public sealed record TrainingDelivery(string Pipeline, string? Vendor, string DeliveryId, DateOnly? Date)
{
    /// <summary>The batch the pipeline audited it as; null for a local audit.</summary>
    public string? BatchId { get; init; }

    /// <summary>The verdict under the pipeline's standard; null when none was applied.</summary>
    public VerdictOutcome? Verdict { get; init; }

    /// <summary>Gold objects per gold class and how many the annotators missed or misclassified; empty without gold.</summary>
    public IReadOnlyDictionary<string, ClassLabelErrors> Classes { get; init; } = new Dictionary<string, ClassLabelErrors>(StringComparer.Ordinal);

    /// <summary>The delivery's headline agreement (Krippendorff's alpha of its weakest field); null when undefined.</summary>
    public double? Agreement { get; init; }

    /// <summary>The verdict's failed rules and the open findings that involve the delivery.</summary>
    public IReadOnlyList<LabelFinding> Findings { get; init; } = [];

    /// <summary>
    /// A delivery from what its audit wrote, the same for a stored batch and a local <c>quality audit --json</c>: gold
    /// errors per class from the confusion, the verdict and its failed rules (a rule's subject is the class it names).
    /// </summary>
    public static TrainingDelivery Of(string pipeline, string? vendor, string deliveryId, DateOnly? date, ConfusionView? confusion, Verdict? verdict, double? agreement) =>
        new(pipeline, vendor, deliveryId, date)
        {
            Verdict = verdict?.Outcome,
            Classes = confusion is null ? new Dictionary<string, ClassLabelErrors>(StringComparer.Ordinal) : ClassLabelErrors.From(confusion),
            Agreement = agreement,
            Findings = verdict is null ? [] : [.. verdict.Reasons.Where(r => r.Status == RuleStatus.Failed)
                .Select(r => new LabelFinding("verdict", deliveryId, r.Subject is { } subject ? [subject] : [], r.Statement))],
        };
}

/// <summary>A failed rule or an open finding behind a delivery's labels, with the classes it names (empty: all).</summary>
/// <param name="Source"><c>verdict</c> (a failed rule of the standard) or <c>finding</c> (an open finding).</param>
/// <param name="Id">The delivery whose verdict failed the rule, or the finding's id.</param>
public sealed record LabelFinding(string Source, string? Id, IReadOnlyList<string> Classes, string Statement);
