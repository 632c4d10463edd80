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
}
