namespace Quality.Pipeline.Rollups;

/// <summary>
/// The daily quality brief: one UTC day of deliveries, per pipeline and vendor, and the day's top risks in plain
/// sentences. Stored whole when the day is computed (so a computed day with no deliveries is a brief that says so, and a
/// day never computed is no brief at all).
/// </summary>
/// <param name="Date">The UTC day, yyyy-MM-dd.</param>
/// <param name="Pipelines">Every pipeline that had a delivery that day, by name.</param>
/// <param name="Risks">The day's three most serious risks over every pipeline, most serious first.</param>
/// <param name="Note">What the reader should know first: no deliveries that day, or a brief stored by an earlier version.</param>
public sealed record DailyBrief(
    string Date,
    DateTimeOffset ComputedTime,
    int Deliveries,
    IReadOnlyList<PipelineBrief> Pipelines,
    IReadOnlyList<BriefRisk> Risks,
    string? Note)
{
    /// <summary>The shape of the stored document; 1 was the per-pipeline table row before the brief.</summary>
    public int SchemaVersion { get; init; } = 2;

    /// <summary>The days before <see cref="Date"/> that trends are judged against.</summary>
    public const int HistoryDays = 30;
}
