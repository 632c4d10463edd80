using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Quality.Domain.Annotations;
using Quality.Domain.Formats.Canonical;
using Quality.Functions.Http;
using Quality.Pipeline.Deliveries;

namespace Quality.Functions.Batches;

/// <summary>
/// The names <c>POST /api/deliveries</c> takes in its query for a file in a vendor format, which cannot state them
/// itself: <c>pipeline</c>, <c>vendor</c>, <c>deliveryId</c> (all three, or none for a canonical file), and optionally
/// <c>annotator</c>, <c>role</c>, <c>field</c> and <c>taxonomy</c> (<c>name@major.minor.patch</c>).
/// </summary>
internal static partial class DeliveryQuery
{
    public static readonly IReadOnlyList<string> Names = ["pipeline", "vendor", "deliveryId"];

    public static readonly IReadOnlyList<string> Roles = ["annotator", "reviewer", "gold"];

    /// <summary>What else the query may say of a vendor file.</summary>
    public static readonly IReadOnlyList<string> Descriptions = ["annotator", "role", "field", "taxonomy"];

    /// <summary>The names given, null when none is, or the problem with the first that is wrong.</summary>
    public static (DeliveryNames? Names, IResult? Problem) Read(HttpRequest request)
    {
        var values = Names.Select(name => (Name: name, Value: Query.String(request, name))).ToList();
        if (values.All(v => string.IsNullOrEmpty(v.Value)))
        {
            var stray = Descriptions.FirstOrDefault(name => !string.IsNullOrEmpty(Query.String(request, name)));
            return (null, stray is null ? null : Problems.BadRequest(stray, $"{stray} describes a file in a vendor format, which is posted with pipeline, vendor and deliveryId in the query too."));
        }

        foreach (var (name, value) in values)
        {
            if (value is null || !CanonicalFormat.IsSafeName(value))
            {
                return (null, Problems.BadRequest(name,
                    $"'{value}' is not a {name} (a file in a vendor format is posted with pipeline, vendor and deliveryId in the query: letters, digits, '.', '_', '-'; up to 63, starting with a letter or digit)."));
            }
        }

        var names = new DeliveryNames(values[0].Value!, values[1].Value!, values[2].Value!);
        if (Query.String(request, "annotator") is { Length: > 0 } annotator)
        {
            if (!CanonicalFormat.IsValidId(annotator))
            {
                return (null, Problems.BadRequest("annotator", $"must be 1 to {CanonicalFormat.MaxIdLength} characters without control characters."));
            }

            names = names with { Annotator = annotator };
        }

        if (Query.String(request, "field") is { Length: > 0 } field)
        {
            if (!CanonicalFormat.IsValidId(field))
            {
                return (null, Problems.BadRequest("field", $"must be 1 to {CanonicalFormat.MaxIdLength} characters without control characters."));
            }

            names = names with { Field = field };
        }

        if (Query.String(request, "role") is { Length: > 0 } role)
        {
            AnnotatorRole? parsed = role switch { "annotator" => AnnotatorRole.Annotator, "reviewer" => AnnotatorRole.Reviewer, "gold" => AnnotatorRole.Gold, _ => null };
            if (parsed is null)
            {
                return (null, Problems.BadRequest("role", $"'{role}' is not one of {string.Join(", ", Roles)}."));
            }

            names = names with { Role = parsed };
        }

        if (Query.String(request, "taxonomy") is { Length: > 0 } taxonomy)
        {
            var at = taxonomy.LastIndexOf('@');
            if (at <= 0 || !CanonicalFormat.IsSafeName(taxonomy[..at]) || !SemanticVersion().IsMatch(taxonomy[(at + 1)..]))
            {
                return (null, Problems.BadRequest("taxonomy", $"'{taxonomy}' is not name@major.minor.patch (e.g. driving@1.1.0)."));
            }

            names = names with { Taxonomy = new TaxonomyReference(taxonomy[..at], taxonomy[(at + 1)..]) };
        }

        return (names, null);
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})$")]
    private static partial Regex SemanticVersion();
}
