using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Quality.Domain.Formats;
using Quality.Functions.AuditLog;
using Quality.Functions.Http;
using Quality.Domain.Formats.Canonical;
using Quality.Pipeline.Deliveries;

namespace Quality.Functions.Batches;

/// <summary>
/// <c>POST /api/deliveries</c>: lands a delivery of up to <see cref="RequestBody.MaxDeliveryBytes"/> in <c>incoming</c>,
/// where its blob trigger starts the audit; <c>POST /api/deliveries/uploads</c>: URLs to put a delivery of any size
/// there directly.
/// </summary>
internal sealed class DeliveryFunctions(DeliverySubmission submission, DeliveryUploads uploads, Changes changes)
{
    private const int MaxUploadFiles = 1000;

    /// <summary>
    /// Accepts the delivery as the raw body (application/x-ndjson) or as the file of a multipart form; the header is
    /// checked before anything is stored, and the answer points at the batch and run the upload starts. A file in a
    /// vendor format goes in as it is with <c>pipeline</c>, <c>vendor</c> and <c>deliveryId</c> in the query
    /// (<see cref="DeliveryQuery"/>): a folder of that file and a generated manifest.
    /// </summary>
    [Function("SubmitDelivery")]
    public async Task<IResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/deliveries")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RequestBody.DeclaredTooLarge(request, RequestBody.MaxDeliveryBytes, "A delivery over HTTP") is { } tooLarge)
        {
            return tooLarge;
        }

        // A body that streams in chunks says no length: the server counts it as it is read, the form included.
        RequestBody.Limit(request, RequestBody.MaxDeliveryBytes);
        try
        {
            return await SubmitWithinLimitAsync(request, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.TooLarge("A delivery over HTTP", RequestBody.MaxDeliveryBytes, null);
        }
    }

    private async Task<IResult> SubmitWithinLimitAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (names, invalid) = DeliveryQuery.Read(request);
        if (invalid is not null)
        {
            return invalid;
        }

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
                var submitted = await submission.SubmitAsync(content, file, names, cancellationToken);
                var links = BatchLinks.For(submitted.BatchId);
                var files = submitted.Files.Select(f => f.Name).ToList();
                await changes.RecordAsync(request, "delivery.submitted", submitted.Header.Pipeline, string.Join(", ", files),
                    submitted.Header.Reviews is { } reviewed ? $"batch {submitted.BatchId}, a review of batch {reviewed}"
                    : files.Count > 1 ? $"batch {submitted.BatchId}, a file as delivered with a generated manifest" : $"batch {submitted.BatchId}", cancellationToken);
                return TypedResults.Accepted(links.Run, new SubmissionView(
                    submitted.BatchId, submitted.Blob.Name, submitted.Header.Pipeline, submitted.Header.Vendor, submitted.Header.DeliveryId,
                    links.Self, links.Run, files));
            }
        }
        catch (DeliveryFormatException ex)
        {
            return Problems.BadDelivery(ex);
        }
        catch (DeliveryExistsException ex)
        {
            return Problems.AlreadyDelivered(ex);
        }
    }

    /// <summary>
    /// Answers short-lived URLs that create the delivery's blobs in <c>incoming</c> (one for a single-file delivery, one
    /// per file for a multi-file one): the way to deliver more than an HTTP body may carry. The blob trigger audits what
    /// arrives exactly as it would any upload; a name already delivered is 409, since a delivery is never replaced.
    /// </summary>
    [Function("CreateDeliveryUpload")]
    public async Task<IResult> CreateUploadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/deliveries/uploads")] HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await RequestBody.JsonAsync<UploadRequest>(request, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var upload = body.Value!;
        if (UploadProblem(upload) is { } problem)
        {
            return problem;
        }

        var (pipeline, vendor, deliveryId) = (upload.Pipeline!, upload.Vendor!, upload.DeliveryId!);
        var blobNames = upload.Files is null
            ? [$"{pipeline}/{vendor}/{deliveryId}.jsonl"]
            : upload.Files.Select(file => $"{pipeline}/{vendor}/{deliveryId}/{file}").ToList();
        UploadGrant grant;
        try
        {
            grant = await uploads.GrantAsync(blobNames, TimeSpan.FromMinutes(upload.ExpiresInMinutes ?? DeliveryUploads.DefaultLifetime.TotalMinutes), cancellationToken);
        }
        catch (DeliveryExistsException ex)
        {
            return Problems.AlreadyDelivered(ex);
        }

        // The URLs are secrets until they expire: the audit log names the blobs, never the URLs.
        await changes.RecordAsync(request, "delivery.upload-granted", pipeline, string.Join(", ", blobNames),
            $"{blobNames.Count} upload URL(s), {grant.Signature} SAS, until {grant.ExpiresOn:O}", cancellationToken);
        return TypedResults.Ok(new UploadView(
            pipeline, vendor, deliveryId,
            [.. grant.Urls.Select(u => new UploadTargetView(u.BlobName, u.Url))],
            grant.ExpiresOn,
            grant.Signature,
            upload.Files is null
                ? "PUT the file to the URL with the header x-ms-blob-type: BlockBlob; its arrival starts the audit."
                : "PUT every file to its URL with the header x-ms-blob-type: BlockBlob, manifest.json last: its arrival starts the audit.",
            $"/api/batches?pipeline={pipeline}"));
    }

    private static IResult? UploadProblem(UploadRequest upload)
    {
        foreach (var (name, value) in new[] { ("pipeline", upload.Pipeline), ("vendor", upload.Vendor), ("deliveryId", upload.DeliveryId) })
        {
            if (value is null || !CanonicalFormat.IsSafeName(value))
            {
                return Problems.BadRequest(name, $"'{value}' is not a {name} (required; letters, digits, '.', '_', '-'; up to 63, starting with a letter or digit).");
            }
        }

        if (upload.Files is { } files)
        {
            if (files.Count is 0 or > MaxUploadFiles || files.Distinct(StringComparer.Ordinal).Count() != files.Count)
            {
                return Problems.BadRequest("files", $"a multi-file delivery names 1 to {MaxUploadFiles} distinct files; leave files out for a single-file delivery.");
            }

            var outside = files.ToList().FindIndex(file => file is null || file.Split('/').Any(segment => !CanonicalFormat.IsSafeName(segment)));
            if (outside >= 0)
            {
                return Problems.BadRequest("files", $"files[{outside}] '{files[outside]}' is not a path inside the delivery's folder (segments of letters, digits, '.', '_', '-').");
            }

            if (!files.Contains(Quality.Domain.Formats.Manifest.ManifestParser.FileName))
            {
                return Problems.BadRequest("files", $"a multi-file delivery includes its {Quality.Domain.Formats.Manifest.ManifestParser.FileName}, whose arrival starts the audit.");
            }
        }

        var maxMinutes = (int)DeliveryUploads.MaxLifetime.TotalMinutes;
        return upload.ExpiresInMinutes < 1 || upload.ExpiresInMinutes > maxMinutes
            ? Problems.BadRequest("expiresInMinutes", $"must be between 1 and {maxMinutes}.")
            : null;
    }
}
