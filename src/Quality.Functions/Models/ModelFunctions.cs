using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Quality.Domain.Audit;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.ModelLinkage;
using Quality.Functions.AuditLog;
using Quality.Functions.Http;
using Quality.Pipeline.ModelLinkage;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Models;

/// <summary>
/// <c>/api/models</c>: model evaluations per version (docs/formats/model-evaluation.md), immutable once stored; a
/// comparison of two versions against the label quality of the training data added between them (JSON and an HTML
/// page); and the correlation across versions between training label errors and the model metric.
/// </summary>
internal sealed class ModelFunctions(BlobModelEvaluationStore evaluations, StoredTrainingDeliveries training, BlobTaxonomyStore taxonomies, Changes changes)
{
    [Function("PutModelVersion")]
    public async Task<IResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/models/{model}/versions/{modelVersion}")] HttpRequest request,
        string model, string modelVersion, CancellationToken cancellationToken)
    {
        if (Names(model, modelVersion) is { } invalid)
        {
            return invalid;
        }

        var body = await RequestBody.TextAsync(request, RequestBody.MaxDocumentBytes, "A model evaluation", cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        ParsedModelEvaluation parsed;
        try
        {
            parsed = ModelEvaluationParser.Parse(body.Value!, "request body");
        }
        catch (ModelEvaluationFormatException ex)
        {
            return ModelProblems.InvalidEvaluation(ex);
        }

        var evaluation = parsed.Evaluation;
        if (evaluation.Model != model || evaluation.Version != modelVersion)
        {
            var (field, value, path) = evaluation.Model != model ? ("model", evaluation.Model, model) : ("modelVersion", evaluation.Version, modelVersion);
            return Problems.BadRequest(field, $"the document is of {field} '{value}' but was sent to '{path}'.");
        }

        var warnings = await TaxonomyWarningsAsync(evaluation, cancellationToken);
        var uri = $"/api/models/{model}/versions/{modelVersion}";
        var outcome = await evaluations.PutAsync(evaluation, cancellationToken);
        if (outcome == DocumentPutOutcome.Created)
        {
            await changes.RecordAsync(request, "model.evaluation.stored", evaluation.TrainedOn.Pipelines.Count > 0 ? evaluation.TrainedOn.Pipelines[0].Pipeline : null, $"{model}@{modelVersion}", uri, cancellationToken);
        }

        var view = new StoredEvaluationView(evaluation, warnings);
        return outcome switch
        {
            DocumentPutOutcome.Created => TypedResults.Created(uri, view),
            DocumentPutOutcome.Unchanged => TypedResults.Ok(view),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Version already stored",
                detail: $"{model}@{modelVersion} is stored with a different evaluation; a stored version never changes (comparisons name it). Store the new evaluation as a new version."),
        };
    }

    [Function("ListModelVersions")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/models/{model}/versions")] HttpRequest request, string model, CancellationToken cancellationToken)
    {
        if (Names(model, null) is { } invalid)
        {
            return invalid;
        }

        var all = await evaluations.ListAsync(model, cancellationToken);
        return all.Count == 0
            ? NoModel(model)
            : TypedResults.Ok(new ModelVersionListView(model, [.. all.Select(e => new ModelVersionEntryView(e.Version, e.EvaluatedAt, e.EvaluationSet, e.Classes.Count, $"/api/models/{model}/versions/{e.Version}"))]));
    }

    [Function("GetModelVersion")]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/models/{model}/versions/{modelVersion}")] HttpRequest request,
        string model, string modelVersion, CancellationToken cancellationToken) =>
        Names(model, modelVersion) ?? (await evaluations.GetAsync(model, modelVersion, cancellationToken) is { } evaluation
            ? Json(evaluation)
            : Problems.NotFound($"No version '{modelVersion}' of model '{model}' is stored."));

    [Function("CompareModelVersions")]
    public async Task<IResult> CompareAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/models/{model}/compare")] HttpRequest request, string model, CancellationToken cancellationToken)
    {
        var comparison = await ComparisonAsync(request, model, cancellationToken);
        return comparison.Problem ?? Json(comparison.Value!);
    }

    [Function("GetModelComparisonReport")]
    public async Task<IResult> CompareReportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/models/{model}/compare/report")] HttpRequest request, string model, CancellationToken cancellationToken)
    {
        var comparison = await ComparisonAsync(request, model, cancellationToken);
        return comparison.Problem ?? TypedResults.Text(ComparisonReportPage.Render(comparison.Value!), "text/html");
    }

    [Function("GetModelCorrelation")]
    public async Task<IResult> CorrelateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/models/{model}/correlation")] HttpRequest request, string model, CancellationToken cancellationToken)
    {
        var badMetric = MetricProblem(request, out var metric);
        if ((Names(model, null) ?? badMetric) is { } invalid)
        {
            return invalid;
        }

        var all = await evaluations.ListAsync(model, cancellationToken);
        return all.Count == 0
            ? NoModel(model)
            : Json(ModelCorrelator.Correlate(all, await training.ReadAsync(all, cancellationToken), metric));
    }

    private async Task<RequestBody.Read<VersionComparison>> ComparisonAsync(HttpRequest request, string model, CancellationToken cancellationToken)
    {
        var (from, to) = (Query.String(request, "from"), Query.String(request, "to"));
        var badMetric = MetricProblem(request, out var metric);
        if ((Names(model, null) ?? VersionProblem("from", from) ?? VersionProblem("to", to) ?? badMetric) is { } invalid)
        {
            return new(null, invalid);
        }

        var a = await evaluations.GetAsync(model, from!, cancellationToken);
        var b = await evaluations.GetAsync(model, to!, cancellationToken);
        if (a is null || b is null)
        {
            return new(null, Problems.NotFound($"No version '{(a is null ? from : to)}' of model '{model}' is stored."));
        }

        return new(VersionComparer.Compare(a, b, await training.ReadAsync([a, b], cancellationToken), metric), null);
    }

    private async Task<IReadOnlyList<string>> TaxonomyWarningsAsync(ModelEvaluation evaluation, CancellationToken cancellationToken)
    {
        if (evaluation.Taxonomy is not { } reference)
        {
            return [];
        }

        if (await taxonomies.GetAsync(reference, cancellationToken) is not { } taxonomy)
        {
            return [$"taxonomy {reference} is not registered; the classes were not checked against it"];
        }

        var classes = taxonomy.Classes.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return [.. evaluation.Classes.Keys.Where(c => !classes.Contains(c)).Select(c => $"'{c}' is not a class of {reference}; its metrics are kept, but no label has that class to link them to")];
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Json<T>(T value) => TypedResults.Text(ReportJson.Serialize(value), "application/json");

    private static IResult NoModel(string model) => Problems.NotFound($"No version of model '{model}' is stored; PUT /api/models/{model}/versions/{{version}} first.");

    private static IResult? Names(string model, string? version) =>
        !CanonicalFormat.IsSafeName(model) ? Problems.BadRequest("model", $"'{model}' is not a model name (letters, digits, '.', '_', '-'; up to 63).")
        : version is not null && !CanonicalFormat.IsSafeName(version) ? Problems.BadRequest("modelVersion", $"'{version}' is not a version name (letters, digits, '.', '_', '-'; up to 63).")
        : null;

    private static IResult? VersionProblem(string parameter, string? value) =>
        value is null ? Problems.BadRequest(parameter, $"'{parameter}' is required: a stored version of the model.")
        : CanonicalFormat.IsSafeName(value) ? null
        : Problems.BadRequest(parameter, $"'{value}' is not a version name (letters, digits, '.', '_', '-'; up to 63).");

    private static IResult? MetricProblem(HttpRequest request, out ModelMetric metric)
    {
        var text = Query.String(request, "metric");
        metric = ModelMetrics.Parse(text ?? "recall") ?? ModelMetric.Recall;
        return text is null || ModelMetrics.Parse(text) is not null ? null : Problems.BadRequest("metric", $"'{text}' is not a metric: {string.Join(", ", ModelMetrics.Names)}.");
    }
}
