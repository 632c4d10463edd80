namespace Quality.Functions.Access;

/// <summary>
/// What the route table says of one HTTP function: the least role that may call it, what it does, and the rest of its
/// contract that its <c>[HttpTrigger]</c> (method and route) does not say: its query parameters, its request body and
/// every answer it gives. The OpenAPI document at <c>/api/openapi.json</c> is generated from this and the trigger.
/// </summary>
internal sealed record ApiRoute(QualityRole Role, string Summary)
{
    public IReadOnlyList<ApiField> Query { get; init; } = [];

    public ApiBody? Body { get; init; }

    /// <summary>Every answer the function gives; the refusals of <see cref="ApiAccess"/> (401, 403, 503) are added for every route with a role.</summary>
    public IReadOnlyList<ApiResponse> Responses { get; init; } = [];
}
