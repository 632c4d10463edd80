namespace Quality.Functions.Rollups;

/// <summary>The answer of <c>/api/rollups/daily</c>: one day's rollup of every pipeline that had deliveries.</summary>
internal sealed record DailyRollupListView(string Date, IReadOnlyList<DailyRollupView> Pipelines);
