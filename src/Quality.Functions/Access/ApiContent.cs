namespace Quality.Functions.Access;

/// <summary>
/// One media type of a body or an answer and the shape in it. JSON is a CLR type written (or read) with the serializer
/// settings of <see cref="Json"/>, which decide its names, enum values and nulls.
/// </summary>
internal sealed record ApiContent(string MediaType, ApiContentKind Kind, Type? Shape = null, ApiJson Json = ApiJson.Http);

/// <summary>How a body is laid out.</summary>
internal enum ApiContentKind
{
    /// <summary>One JSON document of <see cref="ApiContent.Shape"/>.</summary>
    Json,

    /// <summary>Text (YAML, HTML, a script, a JSON Lines delivery); the description says what.</summary>
    Text,

    /// <summary>JSON Lines: one <see cref="ApiContent.Shape"/> per line.</summary>
    JsonLines,

    /// <summary>A multipart form whose first file is the body.</summary>
    FormFile,
}

/// <summary>Which serializer settings write or read a JSON body.</summary>
internal enum ApiJson
{
    /// <summary><c>TypedResults.Ok/Created/Accepted</c> and problem details: the HTTP JSON options the app configures.</summary>
    Http,

    /// <summary>Stored reports and the views functions write with <c>ReportJson</c>: camelCase names and enum values.</summary>
    Report,

    /// <summary>Small request bodies read by <c>RequestBody.JsonAsync</c> with <c>JsonSerializerOptions.Web</c>.</summary>
    Web,
}
