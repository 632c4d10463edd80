using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quality.Pipeline;
using Quality.Pipeline.Storage;

namespace Quality.Functions;

internal static class FunctionsServiceCollectionExtensions
{
    /// <summary>
    /// What the functions need, whoever hosts them (the Functions worker in Azure, the dev host locally): the pipeline's
    /// use cases and storage, JSON as the API writes it, and storage created before the first invocation.
    /// </summary>
    public static IServiceCollection AddQualityFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddQualityPipeline(configuration);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddHostedService<StorageInitializer>();
        return services;
    }

    /// <summary>Creates the app's containers and tables once at start (Bicep creates them in Azure; this is then a no-op).</summary>
    private sealed class StorageInitializer(StorageClients storage) : Microsoft.Extensions.Hosting.IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
