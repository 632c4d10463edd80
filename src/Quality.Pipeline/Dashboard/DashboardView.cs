namespace Quality.Pipeline.Dashboard;

/// <summary>What the dashboard shows: pipelines with their vendors' latest batches, control chart and open findings.</summary>
/// <param name="BatchesShown">How many of the newest batches the page lists (<see cref="DashboardReader.Newest"/> at most).</param>
public sealed record DashboardView(DateTimeOffset Generated, IReadOnlyList<DashboardPipeline> Pipelines, int BatchesShown, bool MoreBatches);
