using Microsoft.AspNetCore.Http;
using Quality.Pipeline.Runs;

namespace Quality.Functions.Access;

/// <summary>
/// The words the route table states contracts in: bodies by the serializer that writes them, answers by status, and the
/// problems of <c>Http/Problems</c> by the members they carry. <see cref="ApiRoutes"/> reads as a list of these.
/// </summary>
internal static class ApiContract
{
    // Bodies, named for what writes (or reads) them.

    /// <summary>JSON written by <c>TypedResults.Ok/Created/Accepted</c>: the app's HTTP JSON options.</summary>
    public static ApiContent Http<T>() => new("application/json", ApiContentKind.Json, typeof(T), ApiJson.Http);

    /// <summary>JSON written with <c>ReportJson</c>: stored reports, and views a function serializes itself.</summary>
    public static ApiContent Report<T>() => new("application/json", ApiContentKind.Json, typeof(T), ApiJson.Report);

    /// <summary>A small JSON request body read by <c>RequestBody.JsonAsync</c>.</summary>
    public static ApiContent Web<T>() => new("application/json", ApiContentKind.Json, typeof(T), ApiJson.Web);

    public static ApiContent Text(string mediaType) => new(mediaType, ApiContentKind.Text);

    /// <summary>JSON Lines of <typeparamref name="T"/> written with <c>ReportJson</c>, one per line.</summary>
    public static ApiContent JsonLines<T>() => new("application/x-ndjson", ApiContentKind.JsonLines, typeof(T), ApiJson.Report);

    /// <summary>A multipart form whose first file (of any field name) is the body.</summary>
    public static ApiContent FormFile { get; } = new("multipart/form-data", ApiContentKind.FormFile);

    /// <summary>A YAML document read as UTF-8 text up to 1 MiB (<c>RequestBody.TextAsync</c>), whatever the Content-Type says.</summary>
    public static ApiBody Yaml(string what) => new($"{what} as YAML, at most 1 MiB (1,048,576 bytes); the Content-Type is not checked.", Text("application/yaml"));

    // Answers.

    public static ApiResponse Ok(string description, params IReadOnlyList<ApiContent> content) =>
        new(StatusCodes.Status200OK, description) { Content = content };

    public static ApiResponse Created(string description, string location, params IReadOnlyList<ApiContent> content) =>
        new(StatusCodes.Status201Created, description) { Content = content, Location = location };

    public static ApiResponse Accepted(string description, string location, params IReadOnlyList<ApiContent> content) =>
        new(StatusCodes.Status202Accepted, description) { Content = content, Location = location };

    // Problems (application/problem+json), as Http/Problems makes them.

    /// <summary>400 naming the first parameter that is not valid (<c>Problems.BadRequest</c>).</summary>
    public static ApiResponse Invalid(params string[] parameters) =>
        Problem(StatusCodes.Status400BadRequest, "A parameter is not valid; the problem names it.",
            new ApiField("parameter", typeof(string), "The parameter (or body member) that is not valid.") { Required = true, Values = parameters });

    public static ApiResponse NotFound(string when) => Problem(StatusCodes.Status404NotFound, when);

    /// <summary>409 without members of its own.</summary>
    public static ApiResponse Conflict(string when) => Problem(StatusCodes.Status409Conflict, when);

    /// <summary>409 while the batch has not completed (<c>CompletedBatch</c>): its reports do not exist yet, or never will.</summary>
    public static ApiResponse NotCompleted { get; } = Problem(StatusCodes.Status409Conflict,
        "The batch has not completed (or failed, or was rejected): its reports are computed when it completes.",
        new ApiField("batchStatus", typeof(string), "The batch's status.")
        {
            Required = true,
            Values = [.. Enum.GetNames<RunStatus>().Where(s => s != nameof(RunStatus.Completed))],
        });

    /// <summary>400 for a YAML document that cannot be read (<c>Problems.InvalidDocument</c>).</summary>
    public static ApiResponse InvalidDocument(string what) => Problem(StatusCodes.Status400BadRequest,
        $"{what} is not valid: the problem says where (line and column from 1, the path in the document) and why.",
        new ApiField("line", typeof(long), "Line of the first problem, from 1.") { Required = true },
        new ApiField("column", typeof(long), "Column of the first problem, from 1.") { Required = true },
        new ApiField("path", typeof(string), "Where in the document, e.g. classes[2].name.") { Required = true },
        new ApiField("problem", typeof(string), "What is wrong there.") { Required = true });

    /// <summary>400 for a delivery that cannot be read (<c>Problems.BadDelivery</c>).</summary>
    public static ApiResponse InvalidDelivery { get; } = Problem(StatusCodes.Status400BadRequest,
        "The delivery's header is not valid; nothing was stored. The problem names the file, line and field.",
        new ApiField("file", typeof(string), "The file (the form file's name, or \"request body\").") { Required = true },
        new ApiField("line", typeof(long), "Line, from 1.") { Required = true },
        new ApiField("field", typeof(string), "The field, or null when the line as a whole is wrong.") { Required = true, Nullable = true },
        new ApiField("problem", typeof(string), "What is wrong.") { Required = true });

    /// <summary>
    /// The answers of <c>CompletedBatch.ReportAsync</c> around a batch's report: 400 for a malformed id, 404 for an
    /// unknown batch or, <paramref name="noReport"/>, one without the report, 409 while the batch has not completed.
    /// </summary>
    public static IReadOnlyList<ApiResponse> CompletedBatch(string noReport) =>
        [Invalid("id"), NotFound($"No batch with this id, or the batch is completed but {noReport}"), NotCompleted];

    /// <summary>400 when a taxonomy's changes since the previous registered version need a bigger version bump (semver).</summary>
    public static ApiResponse BumpTooSmall { get; } = Problem(StatusCodes.Status400BadRequest,
        "Version bump too small: the changes since the previous registered version need a bigger one.",
        new ApiField("parameter", typeof(string), "Always version.") { Required = true, Values = ["version"] },
        new ApiField("changes", typeof(IReadOnlyList<Quality.Domain.Taxonomy.TaxonomyChange>), "The changes and the bump each requires.") { Required = true });

    /// <summary>409 for a delivery name already delivered with other content (<c>Problems.AlreadyDelivered</c>): a delivered blob is never replaced.</summary>
    public static ApiResponse AlreadyDelivered { get; } = Problem(StatusCodes.Status409Conflict,
        "Another delivery is already stored under this name: a delivered blob is never replaced; deliver it under a new deliveryId.",
        new ApiField("blobName", typeof(string), "The blob in incoming that exists.") { Required = true });

    /// <summary>413 for a body over its limit (<c>Problems.TooLarge</c>), naming the limit and the upload route for larger deliveries.</summary>
    public static ApiResponse TooLarge(string what, long limit) => Problem(StatusCodes.Status413PayloadTooLarge,
        $"{what} is over its limit of {limit:N0} bytes; larger deliveries go straight to blob storage through POST /api/deliveries/uploads.",
        new ApiField("limitBytes", typeof(long), "The limit, in bytes.") { Required = true },
        new ApiField("uploads", typeof(string), "The route that answers upload URLs for larger deliveries.") { Required = true, Values = ["/api/deliveries/uploads"] });

    /// <summary>400 for a JSON body that is not JSON of the expected shape (<c>Problems.MalformedJson</c>), naming where.</summary>
    public static ApiResponse MalformedJson { get; } = Problem(StatusCodes.Status400BadRequest,
        "The body is not JSON of the expected shape: the problem names the line, the position in it and the JSON path.",
        new ApiField("parameter", typeof(string), "Always body.") { Required = true, Values = ["body"] },
        new ApiField("path", typeof(string), "The JSON path where reading stopped, e.g. $.status.") { Required = true },
        new ApiField("line", typeof(long), "Line, from 1.") { Required = true },
        new ApiField("position", typeof(long), "Byte position in the line, from 1.") { Required = true });

    /// <summary>A small JSON command body: what it is, and its 400s and 413 (<c>RequestBody.JsonAsync</c>).</summary>
    public static IReadOnlyList<ApiResponse> JsonCommand { get; } = [MalformedJson, TooLarge("A JSON body", Quality.Functions.Http.RequestBody.MaxCommandBytes)];

    /// <summary>404 for a pipeline with no delivered batch and no standard, or a vendor that has delivered nothing to it (<c>KnownSubjects</c>).</summary>
    public static ApiResponse UnknownPipelineOrVendor(string orElse = "") =>
        NotFound("No such pipeline (no delivered batch and no published standard), or the vendor has delivered nothing to it" + orElse + ".");

    /// <summary>500 for a fault on the service's side (<c>HttpFailures</c>): no exception text, only the id the log holds it under.</summary>
    public static ApiResponse Internal { get; } = Problem(StatusCodes.Status500InternalServerError,
        "A fault on the service's side; the answer names only the correlation id the whole error is logged under.",
        new ApiField("correlationId", typeof(string), "The request's W3C trace id (Application Insights' operation id).") { Required = true });

    /// <summary>What <see cref="ApiAccess"/> answers a caller it refuses, on every route that needs <paramref name="role"/>.</summary>
    public static IReadOnlyList<ApiResponse> Refusals(QualityRole role)
    {
        var required = new ApiField("requiredRole", typeof(string), "The least app role the route needs.") { Required = true, Values = [QualityRoles.Name(role)] };
        return
        [
            Problem(StatusCodes.Status401Unauthorized, "No signed-in caller (no App Service Authentication principal).", required),
            Problem(StatusCodes.Status403Forbidden, $"The caller's highest app role is below {QualityRoles.Name(role)}.", required),
            Problem(StatusCodes.Status503ServiceUnavailable,
                "Roles are required but App Service Authentication is off (WEBSITE_AUTH_ENABLED is not True), so no caller can be trusted."),
        ];
    }

    public static ApiResponse Problem(int status, string description, params IReadOnlyList<ApiField> members) =>
        new(status, description) { Problem = members };
}
