using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Quality.Domain.Formats;

namespace Quality.Functions.Http;

/// <summary>RFC 9457 problem details for every error the API returns.</summary>
internal static class Problems
{
    /// <summary>No caller, or none the app can identify: 401, naming the role the route needs.</summary>
    public static IResult Unauthorized(string detail, Access.QualityRole needed) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required",
            extensions: new Dictionary<string, object?> { ["requiredRole"] = Access.QualityRoles.Name(needed) });

    /// <summary>A caller without the role the route needs: 403, naming it.</summary>
    public static IResult Forbidden(string detail, Access.QualityRole needed) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Role required",
            extensions: new Dictionary<string, object?> { ["requiredRole"] = Access.QualityRoles.Name(needed) });

    /// <summary>The app cannot serve safely as configured: 503, saying what to fix.</summary>
    public static IResult Unavailable(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable");

    public static IResult BadRequest(string parameter, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: $"Invalid '{parameter}'",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>A pipeline with no delivered batch and no published standard.</summary>
    public static IResult UnknownPipeline(string pipeline) =>
        NotFound($"No pipeline '{pipeline}': it has no delivered batch and no published standard.");

    /// <summary>A vendor that has delivered nothing to the pipeline.</summary>
    public static IResult UnknownVendor(string pipeline, string vendor) =>
        NotFound($"Vendor '{vendor}' has delivered no batch to pipeline '{pipeline}'.");

    /// <returns>The 404 for what <see cref="Quality.Pipeline.Deliveries.KnownSubjects.CheckAsync"/> found unknown; null when both are known.</returns>
    public static IResult? Unknown(Quality.Pipeline.Deliveries.Subject subject, string pipeline, string? vendor) => subject switch
    {
        Quality.Pipeline.Deliveries.Subject.UnknownPipeline => UnknownPipeline(pipeline),
        Quality.Pipeline.Deliveries.Subject.UnknownVendor => UnknownVendor(pipeline, vendor!),
        _ => null,
    };

    /// <summary>The resource exists but is not in a state that has what was asked for (e.g. a batch still running).</summary>
    public static IResult Conflict(string detail, string batchStatus) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Not available yet",
            extensions: new Dictionary<string, object?> { ["batchStatus"] = batchStatus });

    /// <summary>A YAML document (taxonomy, standard) that cannot be read: says which line, column and path, and why.</summary>
    public static IResult InvalidDocument(string title, Quality.Domain.Yaml.DocumentFormatException error) =>
        TypedResults.Problem(detail: error.Message, statusCode: StatusCodes.Status400BadRequest, title: title,
            extensions: new Dictionary<string, object?> { ["line"] = error.Line, ["column"] = error.Column, ["path"] = error.Path, ["problem"] = error.Problem });

    /// <summary>A delivery that cannot be read: says which file, line and field.</summary>
    public static IResult BadDelivery(DeliveryFormatException error) =>
        TypedResults.Problem(detail: error.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid delivery",
            extensions: new Dictionary<string, object?>
            {
                ["file"] = error.File,
                ["line"] = error.Line,
                ["field"] = error.Field,
                ["problem"] = error.Problem,
            });

    /// <summary>A body over its limit: 413, saying the limit and, for deliveries, how to deliver a larger file.</summary>
    public static IResult TooLarge(string what, long limit, long? length) =>
        TypedResults.Problem(
            detail: $"{what} may have at most {Size(limit)}{(length is { } l ? $"; this one has {Size(l)}" : "")}. "
                + "Deliver a larger file straight to blob storage: POST /api/deliveries/uploads answers a short-lived upload URL (see docs/api.md, \"Large deliveries\").",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Body too large",
            extensions: new Dictionary<string, object?> { ["limitBytes"] = limit, ["uploads"] = "/api/deliveries/uploads" });

    /// <summary>A body that is not JSON of the expected shape: 400 naming the line, the position in it and the JSON path.</summary>
    public static IResult MalformedJson(JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        // System.Text.Json counts lines and bytes from 0; people count from 1. The message's own "Path: ..." tail and
        // any CLR type name stay out: the caller gets the place and the kind of fault.
        var line = error.LineNumber + 1;
        var position = error.BytePositionInLine + 1;
        var path = error.Path ?? "$";
        var fault = error.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? $"the value at {path} has the wrong type"
            : FirstSentence(error.Message);
        return TypedResults.Problem(
            detail: $"The body is not JSON of the expected shape at line {line}, position {position} ({path}): {fault}.",
            statusCode: StatusCodes.Status400BadRequest,
            title: "Malformed JSON",
            extensions: new Dictionary<string, object?> { ["parameter"] = "body", ["path"] = path, ["line"] = line, ["position"] = position });
    }

    /// <summary>A delivery under a name already delivered with other content: 409, as a delivered blob is never replaced.</summary>
    public static IResult AlreadyDelivered(Quality.Pipeline.Deliveries.DeliveryExistsException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return TypedResults.Problem(detail: error.Message, statusCode: StatusCodes.Status409Conflict, title: "Already delivered",
            extensions: new Dictionary<string, object?> { ["blobName"] = error.BlobName });
    }

    /// <summary>A continuation token this list did not give out: 400, as any other bad query value.</summary>
    public static IResult BadPageToken(string detail) => BadRequest("continuationToken", detail);

    /// <summary>
    /// A fault on the app's side: 500 with no exception text (it may name internals), only the correlation id under
    /// which the log holds the whole error.
    /// </summary>
    public static IResult Internal(string correlationId) =>
        TypedResults.Problem(
            detail: $"The request failed on the service's side. The error is logged under correlation id {correlationId}; quote it when you report this.",
            statusCode: StatusCodes.Status500InternalServerError,
            title: "Internal error",
            extensions: new Dictionary<string, object?> { ["correlationId"] = correlationId });

    private static string Size(long bytes) =>
        bytes >= 1024 * 1024
            ? (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB (" + bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes)"
            : bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = (cut >= 0 ? message[..cut] : message).Trim();
        return text.TrimEnd('.');
    }
}
