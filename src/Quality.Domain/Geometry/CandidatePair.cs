namespace Quality.Domain.Geometry;

/// <summary>An index into the first set and an index into the second whose boxes may overlap.</summary>
public readonly record struct CandidatePair(int First, int Second);
