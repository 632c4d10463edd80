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
    /// <summary>
    /// The pipeline's use cases and storage adapters. Storage comes from <c>Storage:ConnectionString</c>, else
    /// <c>AzureWebJobsStorage</c> (the Functions host's setting).
    /// </summary>
    public static IServiceCollection AddQualityPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section));
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).Configure(o =>
        {
            if (string.IsNullOrWhiteSpace(o.ConnectionString))
            {
                o.ConnectionString = configuration["AzureWebJobsStorage"] ?? "";
            }
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new StorageClients(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<BlobDeliveryStore>();
        services.AddSingleton<BlobWorkStore>();
        services.AddSingleton<BlobReportStore>();
        services.AddSingleton<BlobTaxonomyStore>();
        services.AddSingleton<BlobStandardStore>();
        services.AddSingleton<TableRunStore>();
        services.AddSingleton<TableBatchStore>();
        services.AddSingleton<KnownSubjects>();
        services.AddSingleton<StorageProbe>();
        services.AddSingleton<DeliveryUploads>();
        services.AddSingleton<TableRollupStore>();
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
        services.AddSingleton<DailyRollupJob>();
        services.AddSingleton<DeliverySubmission>();
        services.AddSingleton(sp => sp.GetRequiredService<StorageClients>().Names);
        return services;
    }
}
