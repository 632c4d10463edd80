namespace Quality.Functions.Access;

/// <summary>A request body: what it is, and the media types the function reads it in.</summary>
internal sealed record ApiBody(string Description, params IReadOnlyList<ApiContent> Content);
