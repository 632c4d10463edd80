using Quality.Functions.Api;
using Quality.Functions.CustomHandler;
using Quality.Functions.Local;
using Quality.Pipeline;
using Quality.Pipeline.Local;
using Quality.Pipeline.Storage;

namespace Quality.Functions;

internal static class QualityHostExtensions
{
    /// <summary>The Functions host sets this when it runs us as its custom handler; then it owns the triggers.</summary>
    public const string CustomHandlerPortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    private const string DefaultLocalUrl = "http://localhost:7071";

    /// <summary>
    /// Storage, the pipeline and the triggers' drivers. Under the Functions host: listen on its port on loopback,
    /// no local drivers. Otherwise: serve http://localhost:7071 (unless --urls / ASPNETCORE_URLS say otherwise),
    /// start Azurite when no storage is configured, and drive the functions locally.
    /// </summary>
    public static async Task<AzuriteProcess?> AddQualityHostAsync(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var customHandlerPort = configuration[CustomHandlerPortVariable];
        if (!string.IsNullOrEmpty(customHandlerPort))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{customHandlerPort}");
        }
        else if (string.IsNullOrEmpty(configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultLocalUrl);
        }

        AzuriteProcess? azurite = null;
        if (string.IsNullOrWhiteSpace(configuration[$"{StorageOptions.Section}:ConnectionString"])
            && string.IsNullOrWhiteSpace(configuration["AzureWebJobsStorage"]))
        {
            var options = configuration.GetSection(AzuriteOptions.Section).Get<AzuriteOptions>() ?? new AzuriteOptions();
            azurite = await AzuriteProcess.StartAsync(options, CancellationToken.None);
            configuration[$"{StorageOptions.Section}:ConnectionString"] = azurite.ConnectionString;
        }

        builder.Services.AddQualityPipeline(configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<ApiInvocation>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddOptions<LocalDriverOptions>().Bind(configuration.GetSection(LocalDriverOptions.Section));
        var local = configuration.GetSection(LocalDriverOptions.Section).Get<LocalDriverOptions>() ?? new LocalDriverOptions();
        if (string.IsNullOrEmpty(customHandlerPort) && local.Enabled)
        {
            builder.Services.AddSingleton<LocalQueueSignal>();
            builder.Services.AddSingleton<IQueueSignal>(sp => sp.GetRequiredService<LocalQueueSignal>());
            builder.Services.AddHostedService<LocalQueuePumps>();
            builder.Services.AddHostedService<LocalBlobWatcher>();
            builder.Services.AddHostedService<LocalScheduler>();
        }

        return azurite;
    }

    /// <summary>The function endpoints and the HTTP API; then storage is created before anything listens.</summary>
    public static async Task MapQualityAsync(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.MapFunctionEndpoints();
        app.MapBatchEndpoints();
        app.MapTaxonomyEndpoints();
        app.MapRunEndpoints();
        app.MapRollupEndpoints();
        app.MapSpcEndpoints();
        app.MapFindingEndpoints();
        app.MapStandardEndpoints();
        app.MapSamplingEndpoints();
        // Routing is explicit so the pipeline built here (for POST /Api replays) is the whole pipeline.
        app.UseEndpoints(_ => { });
        app.Services.GetRequiredService<ApiInvocation>().Pipeline = ((IApplicationBuilder)app).Build();
        await app.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(app.Lifetime.ApplicationStopping);
    }
}
