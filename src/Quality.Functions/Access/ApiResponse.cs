namespace Quality.Functions.Access;

/// <summary>One answer of a route: its status, when it is given, and what its body holds.</summary>
internal sealed record ApiResponse(int Status, string Description)
{
    public IReadOnlyList<ApiContent> Content { get; init; } = [];

    /// <summary>What the <c>Location</c> header points at (201, 202), when the answer sets one.</summary>
    public string? Location { get; init; }

    /// <summary>For a problem (<c>application/problem+json</c>): the members it adds to RFC 9457's, with their values.</summary>
    public IReadOnlyList<ApiField>? Problem { get; init; }
}
