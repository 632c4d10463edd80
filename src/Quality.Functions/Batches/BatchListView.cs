namespace Quality.Functions.Batches;

/// <summary>One page of batches, newest first, and the token for the next page.</summary>
internal sealed record BatchListView(IReadOnlyList<BatchView> Batches, string? ContinuationToken);
