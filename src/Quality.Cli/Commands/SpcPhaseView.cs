using Quality.Domain.Spc;
using Quality.Domain.Spc.Series;

namespace Quality.Cli.Commands;

/// <summary>One phase of <see cref="SpcReport"/>: its points, status and Phase I estimate (null fields while warming up).</summary>
internal sealed record SpcPhaseView(
    string Key, int Index, int Start, int End, PhaseStatus Status, int BaselineLength, bool Provisional, double? Center, double? TrialCenter,
    double? Sigma, IReadOnlyList<int> Excluded, int Iterations, bool Stable, double? SigmaZ, Dispersion? Dispersion, string? Note, double? H)
{
    /// <summary>Baseline points out of control at the revised limits with no assignable cause: kept in the baseline (Montgomery).</summary>
    public IReadOnlyList<int> Retained { get; init; } = [];

    public static SpcPhaseView From(SeriesPhase p) => new(
        p.Key, p.Index, p.Start, p.End, p.Status, p.BaselineLength, p.IsProvisional, SpcReport.Defined(p.Estimate?.Center),
        SpcReport.Defined(p.Estimate?.TrialCenter), SpcReport.Defined(p.Estimate?.Sigma), p.Estimate?.Excluded ?? [], p.Estimate?.Iterations ?? 0,
        p.Estimate?.IsStable ?? false, SpcReport.Defined(p.SigmaZ), p.Dispersion, p.Note, SpcReport.Defined(p.DecisionInterval))
    {
        Retained = p.Estimate?.Retained ?? [],
    };
}
