using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Quality.Functions.Access;

namespace Quality.Functions.OpenApi;

/// <summary>
/// The API's OpenAPI 3.1 document, generated from the HTTP functions' triggers (method, route, authorization level) and
/// the route table (role, summary, query, body, answers), with every body's schema from <see cref="SchemaComponents"/>.
/// Nothing in it is written by hand but the words of the route table.
/// </summary>
internal static partial class OpenApiGenerator
{
    /// <summary>The Entra ID bearer token App Service Authentication validates; its scopes are the app role a route needs.</summary>
    public const string RoleScheme = "appServiceAuthentication";

    /// <summary>The Functions host's key, on routes whose trigger is at Function level (Azure only).</summary>

    public static JsonObject Generate(
        IEnumerable<HttpFunction> functions, IReadOnlyDictionary<string, ApiRoute> routes, SchemaComponents schemas, string serverUrl)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(schemas);
        var paths = new JsonObject();
        var areas = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var function in functions)
        {
            var route = routes.GetValueOrDefault(function.Name)
                ?? throw new InvalidOperationException($"{function.Name} is not in the route table (Access/ApiRoutes), so no one may call it.");
            var path = "/" + PathParameter().Replace(function.Route, "{${name}}");
            var item = paths[path]?.AsObject() ?? new JsonObject();
            paths[path] = item;
            foreach (var method in function.Methods)
            {
                item[method] = Operation(function, route, schemas);
            }

            areas.Add(function.Area);
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject
            {
                ["title"] = "Serverless.Quality API",
                ["version"] = typeof(OpenApiGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0",
                ["description"] = """
                    Audits of annotation deliveries: agreement, gold audit, taxonomy violations, findings, verdicts, review
                    samples and control charts. Each route states the least app role it needs (`x-required-role`):
                    `quality.reader` reads, `quality.reviewer` also submits deliveries and changes findings, `quality.admin`
                    also publishes standards and taxonomies. Errors are RFC 9457 problem details (`application/problem+json`)
                    naming what was wrong; undefined statistics are `null`, never a made-up number.

                    Generated from the functions' HTTP triggers and the route table (`src/Quality.Functions/Access/ApiRoutes.cs`).
                    """,
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = serverUrl.Length == 0 ? "/" : serverUrl, ["description"] = "This app: every route is under /api, the dashboard at the root." }),
            ["tags"] = new JsonArray([.. areas.Select(a => (JsonNode)new JsonObject { ["name"] = a })]),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas.Components,
                ["securitySchemes"] = SecuritySchemes(),
            },
        };
    }

    private static JsonObject Operation(HttpFunction function, ApiRoute route, SchemaComponents schemas)
    {
        var anonymous = route.Role == QualityRole.Anonymous;
        var operation = new JsonObject
        {
            ["operationId"] = function.Name,
            ["summary"] = route.Summary,
            ["description"] = anonymous ? "Anyone may call it." : $"Needs the app role `{QualityRoles.Name(route.Role)}` or a higher one.",
            ["tags"] = new JsonArray(function.Area),
            ["x-required-role"] = anonymous ? "anonymous" : QualityRoles.Name(route.Role),
            ["security"] = Security(route),
        };
        var parameters = PathParameter().Matches(function.Route)
            .Select(m => Parameter(ApiRoutes.PathParameters.GetValueOrDefault(m.Groups["name"].Value) ?? new(m.Groups["name"].Value, typeof(string), ""), "path", schemas))
            .Concat(route.Query.Select(q => Parameter(q, "query", schemas)))
            .ToList();
        if (parameters.Count > 0)
        {
            operation["parameters"] = new JsonArray([.. parameters]);
        }

        if (route.Body is { } body)
        {
            operation["requestBody"] = new JsonObject
            {
                ["description"] = body.Description,
                ["required"] = true,
                ["content"] = ResponseObjects.Content(body.Content, schemas),
            };
        }

        operation["responses"] = ResponseObjects.Of(anonymous ? [.. route.Responses, ApiContract.Internal] : [.. route.Responses, .. ApiContract.Refusals(route.Role), ApiContract.Internal], schemas);
        return operation;
    }

    /// <summary>
    /// Who may call: the role, from App Service Authentication's token. No route asks the Functions host for a function
    /// key (every trigger is anonymous to the host): the token and the roles decide, and a key would be a secret to hand out.
    /// </summary>
    private static JsonArray Security(ApiRoute route) =>
        route.Role == QualityRole.Anonymous ? [] : [new JsonObject { [RoleScheme] = new JsonArray(QualityRoles.Name(route.Role)) }];

    private static JsonObject Parameter(ApiField field, string location, SchemaComponents schemas) => new()
    {
        ["name"] = field.Name,
        ["in"] = location,
        ["description"] = field.Description,
        ["required"] = location == "path" || field.Required,
        ["schema"] = ResponseObjects.FieldSchema(field, schemas),
    };

    private static JsonObject SecuritySchemes() => new()
    {
        [RoleScheme] = new JsonObject
        {
            ["type"] = "http",
            ["scheme"] = "bearer",
            ["bearerFormat"] = "JWT",
            ["description"] = """
                An Entra ID access token for the app registration (scope `api://{application-id}/.default`), validated by App
                Service Authentication, which passes the caller to the app (`X-MS-CLIENT-PRINCIPAL`). The app roles in its
                `roles` claim decide: `quality.reader` < `quality.reviewer` < `quality.admin`, each including the ones below.
                A route's scope is the least role it needs. Without a caller the answer is 401, with too low a role 403, both
                naming `requiredRole`; 503 when the app requires roles but authentication is off.
                """,
        },
    };

    /// <summary>A route parameter, <c>{name}</c>, with any constraint or default after it.</summary>
    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z0-9_]+)[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex PathParameter();
}
