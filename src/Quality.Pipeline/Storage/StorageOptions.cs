namespace Quality.Pipeline.Storage;

/// <summary>Where the pipeline's containers and tables live.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Connection string of the storage account; Azurite's when run locally.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Prefix for every container and table name (and the dev host's task hub). Empty in production; tests set a
    /// unique one so many isolated pipelines share one Azurite.
    /// </summary>
    public string Prefix { get; set; } = "";
}
