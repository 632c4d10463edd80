namespace Quality.Domain.Matching;

/// <summary>A left–right pair of objects and their similarity (IoU or another score in [0, 1]).</summary>
public readonly record struct ScoredPair(int Left, int Right, double Similarity);
