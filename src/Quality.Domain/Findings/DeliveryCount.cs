namespace Quality.Domain.Findings;

/// <summary>One delivery's count of one error type, all annotators pooled.</summary>
public readonly record struct DeliveryCount(string BatchId, long Errors, long Opportunities);
