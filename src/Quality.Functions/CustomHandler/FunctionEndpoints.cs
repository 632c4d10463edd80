using Quality.Pipeline.Activities;
using Quality.Pipeline.Messages;
using Quality.Pipeline.Rollups;

namespace Quality.Functions.CustomHandler;

/// <summary>
/// The custom-handler contract: one <c>POST /{FunctionName}</c> per function folder with a function.json.
/// Each endpoint is a thin adapter onto one pipeline use case. A non-2xx answer tells the host the invocation
/// failed, so it retries the message and, after maxDequeueCount, moves it to the poison queue.
/// </summary>
internal static class FunctionEndpoints
{
    public const string DailyRollup = "DailyRollup";
    public const string SweepRuns = "SweepRuns";
    public const string Api = "Api";

    /// <summary>Every function this handler serves; a test checks it against the function.json folders.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Enum.GetNames<PipelineFunction>(), DailyRollup, SweepRuns, Api];

    public static IEndpointRouteBuilder MapFunctionEndpoints(this IEndpointRouteBuilder app)
    {
        // The host's readiness probe: any answer means ready.
        app.MapGet("/", () => Results.Text("Serverless.Quality custom handler", "text/plain"));

        foreach (var function in Enum.GetValues<PipelineFunction>())
        {
            app.MapPost("/" + function, (InvocationRequest request, MessageDispatcher dispatcher, CancellationToken cancellationToken) =>
                InvokeQueueFunctionAsync(function, request, dispatcher, cancellationToken));
        }

        app.MapPost("/" + DailyRollup, async (DailyRollupJob job, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var yesterday = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1);
            var rollups = await job.RunAsync(yesterday, cancellationToken);
            return Reply($"Daily rollup for {yesterday:yyyy-MM-dd}: {rollups.Count} pipelines");
        });

        app.MapPost("/" + SweepRuns, async (RunSweeper sweeper, CancellationToken cancellationToken) =>
            Reply($"Swept {await sweeper.SweepAsync(cancellationToken)} stuck runs"));

        app.MapPost("/" + Api, ApiInvocation.InvokeAsync);
        return app;
    }

    private static async Task<IResult> InvokeQueueFunctionAsync(
        PipelineFunction function, InvocationRequest request, MessageDispatcher dispatcher, CancellationToken cancellationToken)
    {
        if (request.Data.Count != 1)
        {
            return Results.Json(new InvocationResponse { Logs = [$"{function} expects exactly one trigger value in Data, got {request.Data.Count}"] },
                statusCode: StatusCodes.Status400BadRequest);
        }

        var body = BindingValue.ReadText(request.Data.Values.Single());
        var dequeueCount = BindingValue.ReadInt64(request.Metadata, "DequeueCount") ?? 1;
        try
        {
            await dispatcher.HandleAsync(function, body, dequeueCount, cancellationToken);
            return Reply($"{function} done (attempt {dequeueCount})");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Results.Json(new InvocationResponse { Logs = [$"{function} attempt {dequeueCount} failed: {ex.Message}"] },
                statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    private static IResult Reply(string log) => Results.Json(new InvocationResponse { Logs = [log] });
}
