using Microsoft.AspNetCore.Http;
using Quality.Domain.Formats.Canonical;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Http;

/// <summary>
/// What a paged list is asked: <c>?pipeline=&amp;top=&amp;continuationToken=</c>, read and checked once for every list.
/// The token is checked by the store that gave it out (<see cref="Quality.Pipeline.Storage.PageToken"/>).
/// </summary>
internal sealed record PageQuery(string? Pipeline, int Top, string? ContinuationToken)
{
    public const int DefaultTop = 50;
    public const int MaxTop = 1000;

    /// <summary>
    /// Answers one page of a list: 200 with what <paramref name="list"/> reads for the checked query, or 400 naming the
    /// parameter that is wrong (a continuation token the store did not give out included).
    /// </summary>
    public static async Task<IResult> AnswerAsync<TPage>(HttpRequest request, Func<PageQuery, Task<TPage>> list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var pipeline = Http.Query.String(request, "pipeline");
        if (pipeline is not null && PipelineName.Problem(pipeline) is { } badPipeline)
        {
            return badPipeline;
        }

        if (!Http.Query.TryInt(request, "top", out var top) || (top ?? DefaultTop) is < 1 or > MaxTop)
        {
            return Problems.BadRequest("top", $"must be a whole number between 1 and {MaxTop}.");
        }

        try
        {
            return TypedResults.Ok(await list(new PageQuery(pipeline, top ?? DefaultTop, Http.Query.String(request, "continuationToken"))));
        }
        catch (InvalidPageTokenException ex)
        {
            return Problems.BadPageToken(ex.Message);
        }
    }
}

/// <summary>The one check of a pipeline name in a route or query, and its one 400.</summary>
internal static class PipelineName
{
    /// <returns>The 400 when <paramref name="pipeline"/> cannot be a pipeline's name; otherwise null.</returns>
    public static IResult? Problem(string pipeline) =>
        CanonicalFormat.IsSafeName(pipeline)
            ? null
            : Problems.BadRequest("pipeline", $"'{pipeline}' is not a pipeline name (letters, digits, '.', '_', '-'; up to 63).");
}
