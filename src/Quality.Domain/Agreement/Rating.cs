namespace Quality.Domain.Agreement;

/// <summary>The value one annotator gave to one field of one unit.</summary>
public readonly record struct Rating(string Annotator, string Value);
