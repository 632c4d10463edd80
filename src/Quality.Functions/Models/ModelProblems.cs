using Microsoft.AspNetCore.Http;
using Quality.Domain.ModelLinkage;

namespace Quality.Functions.Models;

/// <summary>The problem details of the model routes that the shared ones do not cover.</summary>
internal static class ModelProblems
{
    /// <summary>A model evaluation that cannot be read: says which line and field, as a delivery's error does.</summary>
    public static IResult InvalidEvaluation(ModelEvaluationFormatException error) =>
        TypedResults.Problem(detail: error.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid model evaluation",
            extensions: new Dictionary<string, object?>
            {
                ["file"] = error.File,
                ["line"] = error.Line,
                ["field"] = error.Field,
                ["problem"] = error.Problem,
            });
}
