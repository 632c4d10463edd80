using System.Globalization;

namespace Quality.Domain.Spc.Series;

/// <summary>The plain sentence on the current phase that <see cref="SeriesChartResult.Note"/> carries.</summary>
internal static class SeriesNotes
{
    public static string Describe(IReadOnlyList<SeriesPhase> phases, SeriesChartOptions options)
    {
        var minimum = options.EffectiveMinimumBaseline;
        if (phases.Count == 0)
        {
            return Invariant($"warming up: 0 of {minimum} deliveries needed");
        }

        var phase = phases[^1];
        var since = phases.Count > 1 ? $" since phase '{phase.Key}' began" : "";
        var text = phase.Status switch
        {
            PhaseStatus.WarmingUp => Invariant($"warming up: {phase.Length} of {minimum} deliveries needed{since}"),
            PhaseStatus.PhaseI when phase.IsProvisional => Invariant(
                $"phase I: limits from {phase.BaselineLength} baseline deliveries{since}, provisional until {options.BaselineLength}"),
            PhaseStatus.PhaseI => Invariant($"phase I: limits from {phase.BaselineLength} baseline deliveries{since}"),
            _ => Invariant(
                $"phase II: {phase.Length - phase.BaselineLength} deliveries charted against limits frozen from {phase.BaselineLength} baseline deliveries{since}"),
        };
        if (phase.Estimate is { Excluded.Count: > 0 } estimate)
        {
            text += Invariant($"; baseline points {string.Join(", ", estimate.Excluded)} excluded as out of control with an assignable cause");
        }

        return phase.Estimate is { Retained.Count: > 0 } retained
            ? text + Invariant($"; baseline points {string.Join(", ", retained.Retained)} out of control with no assignable cause, retained")
            : text;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
