using Quality.Domain.Audit;

namespace Quality.Domain.RootCauses;

/// <summary>The error kinds of the drill-down, each with its opportunities: which evidence rows can be the error, and which are.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>missed</c> per gold object (rows match, misclassified, missed);</item>
/// <item><c>extra</c> per annotator object (rows match, misclassified, extra);</item>
/// <item><c>misclassified</c> per matched pair (match, misclassified);</item>
/// <item><c>attribute</c> per matched pair whose gold object carries attributes, or whose attributes differ: an error when any differs;</item>
/// <item><c>localisation</c> per matched pair: an error when its IoU is below τ(gold class) + margin.</item>
/// </list>
/// </remarks>
public static class RootCauseKinds
{
    public const string Missed = "missed";
    public const string Extra = "extra";
    public const string Misclassified = "misclassified";
    public const string Attribute = "attribute";
    public const string Localisation = "localisation";

    public static IReadOnlyList<string> All { get; } = [Missed, Extra, Misclassified, Attribute, Localisation];

    /// <summary>The kinds <paramref name="row"/> is an opportunity for, each with whether it is that error.</summary>
    internal static IEnumerable<(string Kind, bool IsError)> Of(EvidencePair row, RootCauseOptions options)
    {
        var matched = row.Outcome is "match" or "misclassified";
        if (row.Outcome != "extra")
        {
            yield return (Missed, row.Outcome == "missed");
        }

        if (row.Outcome != "missed")
        {
            yield return (Extra, row.Outcome == "extra");
        }

        if (!matched)
        {
            yield break;
        }

        yield return (Misclassified, row.Outcome == "misclassified");
        if (row.AttributeDifferences is { Count: > 0 } || row.Strata!.Levels.Keys.Any(k => k.StartsWith(StratumNames.AttributePrefix, StringComparison.Ordinal)))
        {
            yield return (Attribute, row.AttributeDifferences is { Count: > 0 });
        }

        if (row.Iou is { } iou && row.GoldClass is { } goldClass)
        {
            yield return (Localisation, iou < options.Thresholds.For(goldClass) + options.LocalisationMargin);
        }
    }
}
