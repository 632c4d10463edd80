using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Quality.Domain.Formats;
using Quality.Functions.AuditLog;
using Quality.Functions.Http;
using Quality.Pipeline.Deliveries;

namespace Quality.Functions.Batches;

/// <summary><c>POST /api/deliveries</c>: lands a delivery in <c>incoming</c>, where its blob trigger starts the audit.</summary>
internal sealed class DeliveryFunctions(DeliverySubmission submission, Changes changes)
{
    /// <summary>
    /// Accepts the delivery as the raw body (application/x-ndjson) or as the file of a multipart form; the header is
    /// checked before anything is stored, and the answer points at the batch and run the upload starts.
    /// </summary>
    [Function("SubmitDelivery")]
    public async Task<IResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "deliveries")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Stream content;
        string file;
        if (request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var upload = form.Files.Count > 0 ? form.Files[0] : null;
            if (upload is null)
            {
                return Problems.BadRequest("file", "the form has no file; send the delivery as a file field or as the raw body.");
            }

            content = upload.OpenReadStream();
            file = upload.FileName;
        }
        else
        {
            content = request.Body;
            file = "request body";
        }

        try
        {
            await using (content)
            {
                var submitted = await submission.SubmitAsync(content, file, cancellationToken);
                var links = BatchLinks.For(submitted.BatchId);
                await changes.RecordAsync(request, "delivery.submitted", submitted.Header.Pipeline, submitted.Blob.Name,
                    submitted.Header.Reviews is { } reviewed ? $"batch {submitted.BatchId}, a review of batch {reviewed}" : $"batch {submitted.BatchId}", cancellationToken);
                return TypedResults.Accepted(links.Run, new SubmissionView(
                    submitted.BatchId, submitted.Blob.Name, submitted.Header.Pipeline, submitted.Header.Vendor, submitted.Header.DeliveryId,
                    links.Self, links.Run));
            }
        }
        catch (DeliveryFormatException ex)
        {
            return Problems.BadDelivery(ex);
        }
    }
}
