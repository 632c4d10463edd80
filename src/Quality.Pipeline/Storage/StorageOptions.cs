using Azure.Core;

namespace Quality.Pipeline.Storage;

/// <summary>
/// Where the pipeline's containers and tables live: a connection string (Azurite locally), or in Azure the account's
/// service endpoints and the managed identity that reaches them, read from the same <c>AzureWebJobsStorage</c>
/// connection the Functions host uses (<see cref="PipelineServiceCollectionExtensions.AddQualityPipeline"/>).
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Connection string of the storage account; Azurite's when run locally. Empty when identity-based.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Prefix for every container and table name (and the dev host's task hub). Empty in production; tests set a
    /// unique one so many isolated pipelines share one Azurite.
    /// </summary>
    public string Prefix { get; set; } = "";

    /// <summary>The blob service of an identity-based connection (<c>AzureWebJobsStorage__accountName</c> or <c>__blobServiceUri</c>).</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>The table service of an identity-based connection (<c>AzureWebJobsStorage__accountName</c> or <c>__tableServiceUri</c>).</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>The identity of an identity-based connection (<c>AzureWebJobsStorage__credential</c>, <c>__clientId</c>); never bound from configuration directly.</summary>
    public TokenCredential? Credential { get; set; }
}
