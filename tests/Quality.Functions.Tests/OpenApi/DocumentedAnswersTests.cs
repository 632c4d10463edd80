using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Quality.Functions.Access;
using Quality.Functions.Tests.EndToEnd;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.OpenApi;

/// <summary>
/// The API tells the truth: every route called over real HTTP on the dev host, with a standard, taxonomies and the lidar
/// sample audited end to end, and every answer (successes and problems) held to what <c>/api/openapi.json</c> states
/// for that operation and status, body schema included.
/// </summary>
public sealed class DocumentedAnswersTests
{
    private const string Pipeline = "front-lidar-cuboids";
    private const string Vendor = "acme-labeling";
    private const string UnknownId = "0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task EveryRoute_AnswersAsItsOperationInTheDocumentStates()
    {
        await using var app = await QualityApp.StartAsync(processing: true);
        using var client = app.CreateClient();
        var api = new DocumentedApi(client, await OpenApiDocumentTests.DocumentAsync(client));

        await TaxonomiesAsync(api);
        await StandardsAsync(api);
        var id = await DeliverAsync(api, client);
        await BatchReportsAsync(api, id);
        await TagsAsync(api, client, id);
        await FindingsAsync(api);
        await MonitoringAsync(api, id);
        await UploadsAsync(api);
        await ModelsAsync(api);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetHealth", "/api/health")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetOpenApiDocument", "/api/openapi.json")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetApiDocs", "/api/docs")).Status);
        await api.GetAsync("GetApiDocs", "/api/docs?asset=scalar.js");
        await api.GetAsync("GetApiDocs", "/api/docs?asset=other.js");

        Assert.Equal(ApiRoutes.ByFunction.Keys.Order(StringComparer.Ordinal), api.Exercised.Order(StringComparer.Ordinal));
    }

    private static async Task TaxonomiesAsync(DocumentedApi api)
    {
        var v1 = Yaml(await Sample("taxonomies", "driving@1.0.0.yaml"));
        Assert.Equal(HttpStatusCode.Created, (await api.SendAsync("PutTaxonomy", HttpMethod.Put, "/api/taxonomies/driving/1.0.0", v1)).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync("PutTaxonomy", HttpMethod.Put, "/api/taxonomies/driving/1.0.0", Yaml(await Sample("taxonomies", "driving@1.0.0.yaml")))).Status);
        await api.SendAsync("PutTaxonomy", HttpMethod.Put, "/api/taxonomies/driving/1.1.0", Yaml(await Sample("taxonomies", "driving@1.1.0.yaml")));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.SendAsync("PutTaxonomy", HttpMethod.Put, "/api/taxonomies/driving/2.0.0", Yaml("name: driving\nversion: [2\n"))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.SendAsync("PutTaxonomy", HttpMethod.Put, "/api/taxonomies/driving/1.0.1",
            Yaml((await Sample("taxonomies", "driving@1.0.0.yaml")).Replace("version: 1.0.0", "version: 1.0.1", StringComparison.Ordinal).Replace("  van:\n", "  removed-van:\n", StringComparison.Ordinal)))).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("ListTaxonomies", "/api/taxonomies")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetTaxonomy", "/api/taxonomies/driving/1.0.0")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetTaxonomy", "/api/taxonomies/driving/1.0.0", accept: "application/yaml")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("GetTaxonomy", "/api/taxonomies/driving/9.9.9")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("DiffTaxonomies", "/api/taxonomies/driving/diff?from=1.0.0&to=1.1.0")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("DiffTaxonomies", "/api/taxonomies/driving/diff?from=1.0")).Status);
    }

    private static async Task StandardsAsync(DocumentedApi api)
    {
        var standard = await Sample("standards", $"{Pipeline}.yaml");
        Assert.Equal(HttpStatusCode.Created, (await api.SendAsync("PutStandard", HttpMethod.Put, $"/api/standards/{Pipeline}", Yaml(standard))).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync("PutStandard", HttpMethod.Put, $"/api/standards/{Pipeline}", Yaml(standard))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.SendAsync("PutStandard", HttpMethod.Put, $"/api/standards/{Pipeline}",
            Yaml(standard.Replace("version: 1.2.0", "version: 1.2", StringComparison.Ordinal)))).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await api.SendAsync("PutStandard", HttpMethod.Put, $"/api/standards/{Pipeline}",
            Yaml(standard.Replace("description: >-", "description: >-\n  Changed.", StringComparison.Ordinal)))).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("ListStandards", "/api/standards")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetStandard", $"/api/standards/{Pipeline}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetStandard", $"/api/standards/{Pipeline}?version=1.2.0", accept: "application/yaml")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("GetStandard", "/api/standards/nobody")).Status);
    }

    /// <returns>The id of the lidar sample's batch, audited to its end.</returns>
    private static async Task<string> DeliverAsync(DocumentedApi api, HttpClient client)
    {
        var sample = await Sample(null, $"{Pipeline}.jsonl");
        var (status, submitted) = await api.SendAsync("SubmitDelivery", HttpMethod.Post, "/api/deliveries", new StringContent(sample, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.SendAsync("SubmitDelivery", HttpMethod.Post, "/api/deliveries", new StringContent("{}\n", Encoding.UTF8, "application/x-ndjson"))).Status);
        using var emptyForm = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await api.SendAsync("SubmitDelivery", HttpMethod.Post, "/api/deliveries", emptyForm)).Status);

        // A vendor export as it is: names in the query (a folder with a generated manifest), or a 400 naming them.
        var export = await File.ReadAllBytesAsync(Path.Combine(Repository.Shared, "data", "ls-evalme-3annotators", "test_bbox.json"));
        Assert.Equal(HttpStatusCode.Accepted, (await api.SendAsync("SubmitDelivery", HttpMethod.Post, $"/api/deliveries?pipeline={Pipeline}&vendor={Vendor}&deliveryId=ls-export-1&role=annotator",
            new ByteArrayContent(export))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.SendAsync("SubmitDelivery", HttpMethod.Post, "/api/deliveries", new ByteArrayContent(export))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.SendAsync("SubmitDelivery", HttpMethod.Post, $"/api/deliveries?pipeline={Pipeline}&vendor={Vendor}", new ByteArrayContent(export))).Status);

        var id = (string)submitted!["id"]!;
        await api.GetAsync("GetRun", $"/api/runs/{id}"); // 202 while running (or 200 if already done)
        await LocalHostTests.WaitForEndAsync(client, id);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetRun", $"/api/runs/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("GetRun", $"/api/runs/{UnknownId}")).Status);
        return id;
    }

    private static async Task BatchReportsAsync(DocumentedApi api, string id)
    {
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("ListBatches", $"/api/batches?pipeline={Pipeline}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("ListBatches", "/api/batches?top=0")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetBatch", $"/api/batches/{id}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("GetBatch", "/api/batches/not-an-id")).Status);
        foreach (var (operation, path) in new[]
        {
            ("GetBatchAgreement", "agreement"), ("GetBatchAudit", "audit"), ("GetBatchConfusion", "confusion"), ("GetBatchAnnotators", "annotators"),
            ("GetBatchPairs", "pairs"), ("GetBatchViolations", "violations"), ("GetBatchFindings", "findings"), ("GetBatchVerdict", "verdict"),
            ("GetBatchSample", "sample"), ("GetBatchRootCauses", "root-causes"),
        })
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(operation, $"/api/batches/{id}/{path}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(operation, $"/api/batches/{UnknownId}/{path}")).Status);
        }

        var annotators = (await api.GetAsync("GetBatchAnnotators", $"/api/batches/{id}/annotators")).Body!.AsObject();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetBatchAnnotator", $"/api/batches/{id}/annotators/{annotators.First().Key}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("GetBatchAnnotator", $"/api/batches/{id}/annotators/nobody")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("GetBatchViolations", $"/api/batches/{id}/violations?rule=nope")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("GetBatchDisposition", $"/api/batches/{id}/disposition")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetBatchReport", $"/api/batches/{id}/report")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("GetBatchReport", $"/api/batches/{UnknownId}/report")).Status);
    }

    /// <summary>The tags routes on the lidar batch (no tags: 404) and on the camera sample, whose tags have a gold key.</summary>
    private static async Task TagsAsync(DocumentedApi api, HttpClient client, string lidar)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("GetBatchTags", $"/api/batches/{lidar}/tags")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("GetBatchTags", $"/api/batches/{UnknownId}/tags")).Status);
        var (status, submitted) = await api.SendAsync("SubmitDelivery", HttpMethod.Post, "/api/deliveries",
            new StringContent(await Sample(null, "front-camera-tags.jsonl"), Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.Accepted, status);
        var camera = (string)submitted!["id"]!;
        await LocalHostTests.WaitForEndAsync(client, camera);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetBatchTags", $"/api/batches/{camera}/tags")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetBatchAnnotator", $"/api/batches/{camera}/annotators/ann-01")).Status);
    }

    private static async Task FindingsAsync(DocumentedApi api)
    {
        var findings = (await api.GetAsync("ListFindings", $"/api/findings?pipeline={Pipeline}")).Body!["findings"]!.AsArray();
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("ListFindings", "/api/findings?status=sideways")).Status);
        var finding = (string?)findings.FirstOrDefault()?["id"] ?? UnknownId;
        await api.GetAsync("GetFinding", $"/api/findings/{finding}");
        await api.SendAsync("SetFindingStatus", HttpMethod.Post, $"/api/findings/{finding}/status", DocumentedApi.Json("""{"status": "acknowledged"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.SendAsync("SetFindingStatus", HttpMethod.Post, $"/api/findings/{finding}/status", DocumentedApi.Json("""{"status": 3}"""))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.SendAsync("SetFindingStatus", HttpMethod.Post, $"/api/findings/{finding}/status", DocumentedApi.Json("""{"status": """))).Status);
    }

    private static async Task UploadsAsync(DocumentedApi api)
    {
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync("CreateDeliveryUpload", HttpMethod.Post, "/api/deliveries/uploads",
            DocumentedApi.Json($$"""{"pipeline": "{{Pipeline}}", "vendor": "{{Vendor}}", "deliveryId": "large-1"}"""))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.SendAsync("CreateDeliveryUpload", HttpMethod.Post, "/api/deliveries/uploads",
            DocumentedApi.Json("""{"pipeline": "p", "vendor": "v", "deliveryId": "d", "files": ["a.jsonl"]}"""))).Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await api.SendAsync("CreateDeliveryUpload", HttpMethod.Post, "/api/deliveries/uploads",
            DocumentedApi.Json("{\"pipeline\": \"" + new string('p', 70_000) + "\"}"))).Status);
    }

    private static async Task MonitoringAsync(DocumentedApi api, string id)
    {
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("ListSpcMetrics", $"/api/pipelines/{Pipeline}/spc")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetSpcChart", $"/api/pipelines/{Pipeline}/spc/gold-error-rate")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetSpcChart", $"/api/pipelines/{Pipeline}/spc/mean-iou?vendor={Vendor}&baseline=5")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("GetSpcChart", $"/api/pipelines/{Pipeline}/spc/alpha?chart=p")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("GetSpcChart", $"/api/pipelines/{Pipeline}/spc/nothing")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("ListSpcMetrics", "/api/pipelines/nobody/spc")).Status);

        var inspection = $"/api/vendors/{Vendor}/inspection?pipeline={Pipeline}";
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetVendorInspection", inspection)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("GetVendorInspection", $"/api/vendors/{Vendor}/inspection")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync("ChangeVendorInspection", HttpMethod.Post, inspection, DocumentedApi.Json("""{"reducedInspectionApproved": true}"""))).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await api.SendAsync("ChangeVendorInspection", HttpMethod.Post, inspection, DocumentedApi.Json("""{"resume": true}"""))).Status);

        var day = ((string)(await api.GetAsync("GetBatch", $"/api/batches/{id}")).Body!["createdTime"]!)[..10];
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync("ComputeDailyRollupNow", HttpMethod.Post, $"/api/rollups/daily?date={day}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetDailyRollup", $"/api/rollups/daily?date={day}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("GetDailyRollup", "/api/rollups/daily")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("GetDailyRollup", "/api/rollups/daily?date=2001-01-01")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetDailyBriefReport", $"/api/rollups/daily/report?date={day}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("GetDailyBriefReport", "/api/rollups/daily/report?date=2001-01-01")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("GetDailyBriefReport", "/api/rollups/daily/report?date=yesterday")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetDashboard", "/")).Status);

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("ListAuditLog", $"/api/audit-log?pipeline={Pipeline}")).Status);
    }

    private static async Task ModelsAsync(DocumentedApi api)
    {
        const string Versions = "/api/models/lidar-detector/versions";
        var v41 = await Sample("model-linkage", "v41.json");
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("ListModelVersions", Versions)).Status);
        Assert.Equal(HttpStatusCode.Created, (await api.SendAsync("PutModelVersion", HttpMethod.Put, $"{Versions}/v41", DocumentedApi.Json(v41))).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync("PutModelVersion", HttpMethod.Put, $"{Versions}/v41", DocumentedApi.Json(v41))).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await api.SendAsync("PutModelVersion", HttpMethod.Put, $"{Versions}/v41",
            DocumentedApi.Json(v41.Replace("\"recall\": 0.86", "\"recall\": 0.87", StringComparison.Ordinal)))).Status);
        Assert.Equal(HttpStatusCode.Created, (await api.SendAsync("PutModelVersion", HttpMethod.Put, $"{Versions}/v43",
            new StringContent(await Sample("model-linkage", "v43.csv"), Encoding.UTF8, "text/csv"))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.SendAsync("PutModelVersion", HttpMethod.Put, $"{Versions}/v42",
            DocumentedApi.Json((await Sample("model-linkage", "v42.json")).Replace("\"recall\": 0.78", "\"recall\": 78", StringComparison.Ordinal)))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.SendAsync("PutModelVersion", HttpMethod.Put, $"{Versions}/v40", DocumentedApi.Json(v41))).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("ListModelVersions", Versions)).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetModelVersion", $"{Versions}/v41")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("GetModelVersion", $"{Versions}/v9")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("CompareModelVersions", "/api/models/lidar-detector/compare?from=v41&to=v43")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("CompareModelVersions", "/api/models/lidar-detector/compare?from=v41")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("CompareModelVersions", "/api/models/lidar-detector/compare?from=v41&to=v9")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetModelComparisonReport", "/api/models/lidar-detector/compare/report?from=v41&to=v43&metric=ap")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("GetModelComparisonReport", "/api/models/lidar-detector/compare/report?from=v9&to=v43")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("GetModelCorrelation", "/api/models/lidar-detector/correlation")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("GetModelCorrelation", "/api/models/lidar-detector/correlation?metric=map")).Status);
    }

    private static async Task<string> Sample(string? folder, string file) =>
        await File.ReadAllTextAsync(folder is null ? Path.Combine(Repository.Root, "samples", file) : Path.Combine(Repository.Root, "samples", folder, file));

    private static StringContent Yaml(string yaml) => new(yaml, Encoding.UTF8, new MediaTypeHeaderValue("application/yaml"));
}
