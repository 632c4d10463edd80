namespace Quality.Pipeline.Monitoring;

/// <summary>Opportunities of a subject (gold objects of a class, or annotations checked for every rule).</summary>
public sealed record SubjectCount(string Group, string Subject, long Count);
