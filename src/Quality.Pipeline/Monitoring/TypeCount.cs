namespace Quality.Pipeline.Monitoring;

/// <summary>Errors of one type (kind, subject, class labeled as), all annotators pooled.</summary>
public sealed record TypeCount(string Kind, string Subject, string? LabeledAs, long Count);
