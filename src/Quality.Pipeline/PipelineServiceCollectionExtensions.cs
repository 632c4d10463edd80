using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quality.Pipeline.Activities;
using Quality.Pipeline.Deliveries;
using Quality.Pipeline.Monitoring;
using Quality.Pipeline.Rollups;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Sampling;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>The Functions host's storage connection, which the app shares (ARCHITECTURE §4).</summary>
    public const string WebJobsStorage = "AzureWebJobsStorage";

    /// <summary>
    /// The pipeline's use cases and storage adapters. Storage comes from <c>Storage:ConnectionString</c>, else the
    /// Functions host's <c>AzureWebJobsStorage</c> connection, read as the host reads it: a connection string, or the
    /// identity-based section (<c>accountName</c> or <c>blobServiceUri</c>/<c>tableServiceUri</c>, with
    /// <c>credential</c> and <c>clientId</c>), whose credential the Azure SDK's component factory builds as it does for
    /// the host's own triggers and task hub.
    /// </summary>
    public static IServiceCollection AddQualityPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section));
        services.AddAzureClientsCore();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).Configure<AzureComponentFactory>((o, factory) =>
        {
            if (!string.IsNullOrWhiteSpace(o.ConnectionString))
            {
                return;
            }

            var connection = configuration.GetSection(WebJobsStorage);
            if (connection.Value is { Length: > 0 } connectionString)
            {
                o.ConnectionString = connectionString;
                return;
            }

            var account = connection["accountName"];
            o.BlobServiceUri = Endpoint(connection["blobServiceUri"], account, "blob");
            o.TableServiceUri = Endpoint(connection["tableServiceUri"], account, "table");
            if (o.BlobServiceUri is not null && o.TableServiceUri is not null)
            {
                o.Credential = factory.CreateTokenCredential(connection);
            }
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new StorageClients(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<BlobDeliveryStore>();
        services.AddSingleton<BlobWorkStore>();
        services.AddSingleton<BlobReportStore>();
        services.AddSingleton<BlobPairsStore>();
        services.AddSingleton<BlobFactStore>();
        services.AddSingleton<BlobTaxonomyStore>();
        services.AddSingleton<BlobStandardStore>();
        services.AddSingleton<TableRunStore>();
        services.AddSingleton<TableBatchStore>();
        services.AddSingleton<KnownSubjects>();
        services.AddSingleton<StorageProbe>();
        services.AddSingleton<DeliveryUploads>();
        services.AddSingleton<TableRollupStore>();
        services.AddSingleton<BlobBriefStore>();
        services.AddSingleton<StoredBriefs>();
        services.AddSingleton<TableSeriesStore>();
        services.AddSingleton<TableFindingStore>();
        services.AddSingleton<TableInspectionStore>();
        services.AddSingleton<TableAuditLogStore>();
        services.AddSingleton<RunChanges>();
        services.AddSingleton<BatchArrival>();
        services.AddSingleton<Ingest>();
        services.AddSingleton<Compute>();
        services.AddSingleton<BatchMonitor>();
        services.AddSingleton<BatchSampler>();
        services.AddSingleton<LotReview>();
        services.AddSingleton<Finalize>();
        services.AddSingleton<BatchRootCauses>();
        services.AddSingleton<DailyRollupJob>();
        services.AddSingleton<DeliverySubmission>();
        services.AddSingleton<Reports.BatchReportReader>();
        services.AddSingleton<FolderSubmission>();
        services.AddSingleton<Dashboard.DashboardReader>();
        services.AddSingleton<ModelLinkage.BlobModelEvaluationStore>();
        services.AddSingleton<ModelLinkage.StoredTrainingDeliveries>();
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Names);
        return services;
    }

    private static Uri? Endpoint(string? configured, string? account, string service) =>
        configured is { Length: > 0 } uri ? new Uri(uri)
        : account is { Length: > 0 } ? new Uri($"https://{account}.{service}.core.windows.net")
        : null;
}
