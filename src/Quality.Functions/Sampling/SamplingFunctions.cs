using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Quality.Domain.Audit;
using Quality.Domain.Formats.Canonical;
using Quality.Functions.AuditLog;
using Quality.Functions.Batches;
using Quality.Functions.Http;
using Quality.Pipeline.Deliveries;
using Quality.Pipeline.Sampling;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Sampling;

/// <summary>
/// The review loop over HTTP: a batch's review sample (<c>/api/batches/{id}/sample</c>), the decision on its lot
/// (<c>/api/batches/{id}/disposition</c>, for the batch and for the review that decided it), and where a vendor's lots
/// stand in the switching rules (<c>/api/vendors/{vendor}/inspection?pipeline=</c>). See docs/sampling.md.
/// </summary>
internal sealed class SamplingFunctions(TableRunStore runs, BlobReportStore reports, TableInspectionStore inspections, BlobStandardStore standards, KnownSubjects known, Changes changes)
{
    [Function("GetBatchSample")]
    public Task<IResult> GetSampleAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/batches/{id}/sample")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        CompletedBatch.ReportAsync(id, runs, async run =>
        {
            if (await reports.ReadAsync(id, BlobReportStore.Sample, cancellationToken) is { } json)
            {
                return TypedResults.Text(json, "application/json");
            }

            return Problems.NotFound(run.Reviews is not null
                ? $"Batch {id} is a review of batch {run.Reviews}; reviews are not sampled."
                : $"Batch {id} has no review sample: its standard ({run.Standard ?? "none"}) has no sampling plan. Add a sampling section to the pipeline's standard (PUT /api/standards/{{pipeline}}) and re-deliver.");
        }, cancellationToken);

    [Function("GetBatchDisposition")]
    public Task<IResult> GetDispositionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/batches/{id}/disposition")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        CompletedBatch.ReportAsync(id, runs, async () => await reports.ReadAsync(id, BlobReportStore.Disposition, cancellationToken) is { } json
            ? TypedResults.Text(json, "application/json")
            : Problems.NotFound($"Batch {id} has no decided lot: no review of its sample has been delivered (a delivery whose header says \"reviews\": \"{id}\")."), cancellationToken);

    [Function("GetVendorInspection")]
    public async Task<IResult> GetInspectionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/vendors/{vendor}/inspection")] HttpRequest request, string vendor, CancellationToken cancellationToken)
    {
        var pipeline = Query.String(request, "pipeline");
        if ((BadVendorOrPipeline(vendor, pipeline) ?? Problems.Unknown(await known.CheckAsync(pipeline!, vendor, cancellationToken), pipeline!, vendor)) is { } bad)
        {
            return bad;
        }

        if (await inspections.GetAsync(pipeline!, vendor, cancellationToken) is { } inspection)
        {
            return Json(InspectionView.From(inspection));
        }

        // Before the first decided lot the vendor stands where the standard starts it.
        return (await standards.CurrentAsync(pipeline!, cancellationToken))?.Sampling is { } settings
            ? Json(InspectionView.From(new VendorInspection(pipeline!, vendor, BatchSampler.InitialState(settings), [])))
            : NotInspected(pipeline!, vendor);
    }

    /// <summary>Resumes a discontinued inspection, or approves or withdraws reduced inspection; answers the state as changed.</summary>
    [Function("ChangeVendorInspection")]
    public async Task<IResult> ChangeInspectionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/vendors/{vendor}/inspection")] HttpRequest request, string vendor, CancellationToken cancellationToken)
    {
        var pipeline = Query.String(request, "pipeline");
        if ((BadVendorOrPipeline(vendor, pipeline) ?? Problems.Unknown(await known.CheckAsync(pipeline!, vendor, cancellationToken), pipeline!, vendor)) is { } bad)
        {
            return bad;
        }

        var body = await RequestBody.JsonAsync<InspectionChange>(request, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var change = body.Value!;
        if ((change.Resume is null) == (change.ReducedInspectionApproved is null) || change.Resume == false)
        {
            return Problems.BadRequest("body", "the body is {\"resume\": true} or {\"reducedInspectionApproved\": true|false}, one of them.");
        }

        if ((await standards.CurrentAsync(pipeline!, cancellationToken))?.Sampling is not { } settings)
        {
            return NotInspected(pipeline!, vendor);
        }

        try
        {
            var changed = await inspections.ChangeAsync(pipeline!, vendor, BatchSampler.InitialState(settings),
                state => change.Resume is true ? state.Resume() : state with { ReducedInspectionApproved = change.ReducedInspectionApproved!.Value },
                cancellationToken);
            await changes.RecordAsync(request, "inspection.changed", pipeline, vendor,
                change.Resume is true ? "resumed on tightened inspection" : $"reduced inspection approved: {change.ReducedInspectionApproved}", cancellationToken);
            return Json(InspectionView.From(changed));
        }
        catch (InvalidOperationException ex) when (change.Resume is true)
        {
            return TypedResults.Problem(detail: $"{vendor} on {pipeline}: {ex.Message}", statusCode: StatusCodes.Status409Conflict, title: "Not discontinued");
        }
    }

    private static IResult? BadVendorOrPipeline(string vendor, string? pipeline) =>
        !CanonicalFormat.IsSafeName(vendor) ? Problems.BadRequest("vendor", $"'{vendor}' is not a vendor name (letters, digits, '.', '_', '-'; up to 63).")
        : pipeline is null ? Problems.BadRequest("pipeline", "required: inspection is kept per vendor and pipeline (?pipeline=name).")
        : PipelineName.Problem(pipeline);

    private static IResult NotInspected(string pipeline, string vendor) =>
        Problems.NotFound($"Pipeline {pipeline} has no standard with a sampling plan, so no lot of {vendor} is inspected.");

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Json<T>(T view) => TypedResults.Text(ReportJson.Serialize(view), "application/json");
}
