using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Dashboard;

/// <summary>A vendor of a pipeline and its batches, newest first.</summary>
public sealed record DashboardVendor(string Name, IReadOnlyList<BatchSummary> Batches);
