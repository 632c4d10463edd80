using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Quality.Domain.Audit;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Taxonomy;
using Quality.Functions.AuditLog;
using Quality.Functions.Http;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Taxonomies;

/// <summary>
/// <c>/api/taxonomies</c>: the registered taxonomy versions, one version's document, the diff between two, and
/// registering a new version (validated; a stored version never changes).
/// </summary>
internal sealed class TaxonomyFunctions(BlobTaxonomyStore taxonomies, Changes changes)
{
    /// <summary>A taxonomy document is a few hundred lines; anything near this is not one.</summary>

    [Function("ListTaxonomies")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/taxonomies")] HttpRequest request, CancellationToken cancellationToken)
    {
        var all = await taxonomies.ListAsync(cancellationToken);
        return TypedResults.Ok(new TaxonomyListView([.. all.Select(t => new TaxonomyEntryView(t.Name, t.Version, t.ToString(), Uri(t.Name, t.Version)))]));
    }

    /// <summary>The parsed document as JSON, or the stored YAML byte for byte when the client accepts YAML.</summary>
    [Function("GetTaxonomy")]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/taxonomies/{name}/{version}")] HttpRequest request,
        string name, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Invalid(name, version) is { } invalid)
        {
            return invalid;
        }

        if (request.Headers.Accept.Any(a => a?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true))
        {
            return await taxonomies.GetDocumentAsync(name, version, cancellationToken) is { } yaml
                ? TypedResults.Text(yaml, "application/yaml")
                : NotRegistered(name, version);
        }

        return await taxonomies.GetAsync(new TaxonomyReference(name, version), cancellationToken) is { } taxonomy
            ? TypedResults.Text(ReportJson.Serialize(TaxonomyView.From(taxonomy)), "application/json")
            : NotRegistered(name, version);
    }

    /// <summary>Classes added, removed and deprecated, attributes and plausibility changed, and whether the bump fits.</summary>
    /// <remarks>
    /// The Functions host tries routes in the order of the functions' names, not by ASP.NET Core's precedence: this
    /// function's name must sort before <c>GetTaxonomy</c>, whose <c>{version}</c> also matches <c>diff</c>.
    /// </remarks>
    [Function("DiffTaxonomies")]
    public async Task<IResult> DiffAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/taxonomies/{name}/diff")] HttpRequest request, string name, CancellationToken cancellationToken)
    {
        var from = Query.String(request, "from");
        var to = Query.String(request, "to");
        foreach (var (parameter, value) in new[] { ("from", from), ("to", to) })
        {
            if (value is null || !SemanticVersion.TryParse(value, out _))
            {
                return Problems.BadRequest(parameter, $"'{value}' is not a version major.minor.patch; give ?from=&to=.");
            }
        }

        if (Invalid(name, from!) is { } invalid)
        {
            return invalid;
        }

        var a = await taxonomies.GetAsync(new TaxonomyReference(name, from!), cancellationToken);
        var b = await taxonomies.GetAsync(new TaxonomyReference(name, to!), cancellationToken);
        return a is null ? NotRegistered(name, from!)
            : b is null ? NotRegistered(name, to!)
            : TypedResults.Text(ReportJson.Serialize(TaxonomyDiff.Compare(a, b)), "application/json");
    }

    /// <summary>
    /// Registers a version from its YAML body. 201 when new, 200 when the same document is already stored, 409 when a
    /// different document holds that version, 400 naming the line, column and path of the first problem, or when the
    /// version bump is smaller than the changes since the previous registered version require (semver).
    /// </summary>
    [Function("PutTaxonomy")]
    public async Task<IResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/taxonomies/{name}/{version}")] HttpRequest request,
        string name, string version, CancellationToken cancellationToken)
    {
        if (Invalid(name, version) is { } invalid)
        {
            return invalid;
        }

        var body = await RequestBody.TextAsync(request, RequestBody.MaxDocumentBytes, "A taxonomy document", cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var yaml = body.Value!;

        Taxonomy taxonomy;
        try
        {
            taxonomy = TaxonomyDocument.Parse(yaml, $"{name}@{version}");
        }
        catch (TaxonomyFormatException ex)
        {
            return Problems.InvalidDocument("Invalid taxonomy", ex);
        }

        if (taxonomy.Name != name || taxonomy.Version.ToString() != version)
        {
            return Problems.BadRequest("version",
                $"the document is {taxonomy.Name}@{taxonomy.Version} but was sent to {name}@{version}; the URL and the document must agree.");
        }

        // Governance: the version must say what changed since the version before it (removing a class is a major bump).
        var earlier = (await taxonomies.ListAsync(cancellationToken))
            .Select(r => (Reference: r, Version: SemanticVersion.TryParse(r.Version, out var v) ? v : default))
            .Where(r => r.Reference.Name == name && r.Version < taxonomy.Version)
            .OrderBy(r => r.Version).Select(r => r.Reference).LastOrDefault();
        if (earlier is not null && await taxonomies.GetAsync(earlier, cancellationToken) is { } before
            && TaxonomyDiff.Compare(before, taxonomy) is { IsBumpConsistent: false } diff)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Version bump too small",
                detail: $"{earlier} -> {name}@{version}: {diff.BumpProblem}",
                extensions: new Dictionary<string, object?> { ["parameter"] = "version", ["changes"] = diff.Changes });
        }

        var outcome = await taxonomies.PutAsync(taxonomy, yaml, cancellationToken);
        if (outcome == DocumentPutOutcome.Created)
        {
            await changes.RecordAsync(request, "taxonomy.registered", null, $"{name}@{version}", Uri(name, version), cancellationToken);
        }

        return outcome switch
        {
            DocumentPutOutcome.Created => TypedResults.Created(Uri(name, version), TaxonomyView.From(taxonomy)),
            DocumentPutOutcome.Unchanged => TypedResults.Ok(TaxonomyView.From(taxonomy)),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Version already registered",
                detail: $"{name}@{version} is registered with a different document; a registered version never changes (deliveries and metrics name it). Publish {Next(taxonomy.Version)} instead."),
        };
    }

    private static string Next(SemanticVersion version) => (version with { Patch = version.Patch + 1 }).ToString();

    private static IResult? Invalid(string name, string version) =>
        !CanonicalFormat.IsSafeName(name) ? Problems.BadRequest("name", $"'{name}' is not a taxonomy name (letters, digits, '.', '_', '-'; up to 63).")
        : !SemanticVersion.TryParse(version, out _) ? Problems.BadRequest("version", $"'{version}' is not major.minor.patch.")
        : null;

    private static IResult NotRegistered(string name, string version) => Problems.NotFound($"Taxonomy {name}@{version} is not registered.");

    private static string Uri(string name, string version) => $"/api/taxonomies/{name}/{version}";
}
