using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Quality.Domain.Audit;
using Quality.Domain.ModelLinkage;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.ModelLinkage;

/// <summary>
/// Model evaluations in the <c>models</c> container, <c>{model}/{version}.json</c>, in the documented JSON form whatever
/// form they arrived in. A version once stored never changes (comparisons name it): the same evaluation again is a
/// no-op, a different one under a stored version a conflict.
/// </summary>
public sealed class BlobModelEvaluationStore(StorageClients storage)
{
    private readonly BlobContainerClient _container = storage.Container(storage.Names.Models);

    public async Task<DocumentPutOutcome> PutAsync(ModelEvaluation evaluation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var json = ReportJson.Serialize(evaluation, indented: true);
        try
        {
            await _container.GetBlobClient(BlobName(evaluation.Model, evaluation.Version)).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(json)), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            }, cancellationToken);
            return DocumentPutOutcome.Created;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Records compare their lists by reference: the stored text, written by the same serializer, is the comparison.
            return await TextAsync(evaluation.Model, evaluation.Version, cancellationToken) == json ? DocumentPutOutcome.Unchanged : DocumentPutOutcome.Conflict;
        }
    }

    public async Task<ModelEvaluation?> GetAsync(string model, string version, CancellationToken cancellationToken) =>
        await TextAsync(model, version, cancellationToken) is { } json ? Read(json, BlobName(model, version)) : null;

    private async Task<string?> TextAsync(string model, string version, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _container.GetBlobClient(BlobName(model, version)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Every stored version of the model, oldest evaluation first.</summary>
    public async Task<IReadOnlyList<ModelEvaluation>> ListAsync(string model, CancellationToken cancellationToken)
    {
        var evaluations = new List<ModelEvaluation>();
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, model + "/", cancellationToken))
        {
            var content = await _container.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
            evaluations.Add(Read(content.Value.Content.ToString(), blob.Name));
        }

        return [.. evaluations.OrderBy(e => e.EvaluatedAt).ThenBy(e => e.Version, StringComparer.Ordinal)];
    }

    private static string BlobName(string model, string version) => $"{model}/{version}.json";

    /// <summary>A stored evaluation is read back by the parser that admitted it, so the record compares equal to what was put.</summary>
    private static ModelEvaluation Read(string json, string name) => ModelEvaluationParser.Parse(json, name).Evaluation;
}
