using Quality.Domain.Annotations;
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

    // Positions in All.
    private const int MissedAt = 0, ExtraAt = 1, MisclassifiedAt = 2, AttributeAt = 3, LocalisationAt = 4;

    /// <summary>The most kinds one row is an opportunity for.</summary>
    internal const int MaximumPerRow = 5;

    /// <summary>
    /// The kinds <paramref name="row"/> is an opportunity for (positions in <see cref="All"/>), each with whether it is
    /// that error, written to <paramref name="kinds"/> (room for <see cref="MaximumPerRow"/>); returns how many.
    /// </summary>
    /// <param name="levels">The row's strata.</param>
    internal static int Of<TRow>(TRow row, CompactDictionary levels, RootCauseOptions options, Span<(int Kind, bool IsError)> kinds)
        where TRow : ITalliedRow
    {
        var count = 0;
        var matched = row.Outcome is "match" or "misclassified";
        if (row.Outcome != "extra")
        {
            kinds[count++] = (MissedAt, row.Outcome == "missed");
        }

        if (row.Outcome != "missed")
        {
            kinds[count++] = (ExtraAt, row.Outcome == "extra");
        }

        if (!matched)
        {
            return count;
        }

        kinds[count++] = (MisclassifiedAt, row.Outcome == "misclassified");
        if (row.HasAttributeDifferences || HasAttribute(levels))
        {
            kinds[count++] = (AttributeAt, row.HasAttributeDifferences);
        }

        if (row.Iou is { } iou && row.GoldClass is { } goldClass)
        {
            kinds[count++] = (LocalisationAt, iou < options.Thresholds.For(goldClass) + options.LocalisationMargin);
        }

        return count;
    }

    private static bool HasAttribute(CompactDictionary levels)
    {
        foreach (var (stratum, _) in levels.AsSpan())
        {
            if (stratum.StartsWith(StratumNames.AttributePrefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
