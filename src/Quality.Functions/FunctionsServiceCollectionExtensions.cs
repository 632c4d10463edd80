using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quality.Domain.Audit;
using Quality.Functions.Access;
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
        services.ConfigureHttpJsonOptions(o =>
        {
            // Text, numbers and dates as every JSON answer writes them (ReportJson); enums keep their names as written
            // in C# here (batch status "Completed"), while stored reports are camelCase ("systemError"), as documented.
            ReportJson.ApplyConventions(o.SerializerOptions);
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.AddHostedService<StorageInitializer>();
        services.AddOptions<AccessOptions>()
            .Bind(configuration.GetSection(AccessOptions.Section))
            .Configure(o =>
            {
                o.PlatformAuthentication = string.Equals(configuration["WEBSITE_AUTH_ENABLED"], "True", StringComparison.OrdinalIgnoreCase);
                o.InAzure = !string.IsNullOrEmpty(configuration["WEBSITE_SITE_NAME"]);
            })
            .Validate(o => !(o.InAzure && o.EffectiveMode == AccessMode.Open),
                "Auth:Mode is Open in Azure (WEBSITE_SITE_NAME is set): every caller would be an admin. Remove the setting; Azure always runs in Roles mode.")
            .ValidateOnStart();
        services.AddSingleton<ApiAccess>();
        services.AddSingleton<Http.HttpFailures>();
        services.AddSingleton<Health.HealthCheck>();
        services.AddSingleton<AuditLog.Changes>();
        services.AddHostedService<AccessModeNotice>();
        services.AddSingleton<OpenApi.ApiDocument>();
        services.AddSingleton<OpenApi.ApiDocsPage>();
        return services;
    }

    /// <summary>Creates the app's containers and tables once at start (Bicep creates them in Azure; this is then a no-op).</summary>
    private sealed class StorageInitializer(StorageClients storage) : Microsoft.Extensions.Hosting.IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
