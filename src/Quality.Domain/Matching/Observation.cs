namespace Quality.Domain.Matching;

/// <summary>One annotator's object on an item: the annotator's id and the object's index in that annotator's list.</summary>
public readonly record struct Observation(string Annotator, int Index);
