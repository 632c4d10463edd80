namespace Quality.Functions.Rollups;

/// <summary>Mean and range of the batches' headline alpha; n is the number of batches with a defined alpha.</summary>
internal sealed record AlphaSummaryView(int N, double? Mean, double? Min, double? Max);
