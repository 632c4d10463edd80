using Quality.Functions;
using Quality.LocalHost.Catalog;
using Quality.LocalHost.Durable;
using Quality.LocalHost.Invocation;
using Quality.LocalHost.Triggers;

namespace Quality.LocalHost;

/// <summary>
/// What the Functions host does for the app in Azure, done in this process: the functions of Quality.Functions found by
/// their attributes, the Durable Task engine with the orchestrators and activities, the blob and timer triggers, and
/// (<see cref="MapFunctions"/>) the HTTP routes. host.json is read for the same settings the Functions host reads.
/// </summary>
internal static class FunctionsHostExtensions
{
    public const string DefaultUrl = "http://localhost:7071";

    /// <summary>
    /// The Functions host's own request limit (100 MB). Below it the server reads a body the app refused and the caller
    /// gets the app's 413, which says how to deliver more; above Kestrel's default 30 MB it would reset the connection.
    /// </summary>
    private const long HostRequestBodyLimit = 100L * 1024 * 1024;

    /// <summary>How long stopping may take: the Durable worker releases its leases in about a second when storage answers.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(3);

    public static WebApplicationBuilder AddFunctionsHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = HostRequestBodyLimit);

        // Ctrl-C ends the process within seconds even when storage has gone away under the Durable worker.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);

        var hostJson = HostJson();
        var services = builder.Services;
        services.AddSingleton(FunctionCatalog.Of(typeof(FunctionsServiceCollectionExtensions).Assembly));
        services.AddOptions<DurableHostOptions>()
            .Bind(hostJson.GetSection("extensions:durableTask"))
            .Bind(hostJson.GetSection("extensions:durableTask:storageProvider"))
            .Bind(builder.Configuration.GetSection(DurableHostOptions.Section));
        services.AddOptions<TriggerOptions>().Bind(builder.Configuration.GetSection(TriggerOptions.Section));
        services.AddSingleton<DurableEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<DurableEngine>());
        services.AddSingleton(sp => (Microsoft.DurableTask.Client.DurableTaskClient)new LocalDurableTaskClient(
            sp.GetRequiredService<DurableEngine>().HubName, sp.GetRequiredService<DurableEngine>().Service, Microsoft.DurableTask.Converters.JsonDataConverter.Default));
        services.AddSingleton<FunctionInvoker>();
        services.AddHostedService<BlobTriggerWatcher>();
        services.AddHostedService<TimerTriggerScheduler>();
        return builder;
    }

    /// <summary>Maps the HTTP functions under host.json's route prefix (<c>api</c> by default) and checks every function can be bound.</summary>
    public static WebApplication MapFunctions(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var function in app.Services.GetRequiredService<FunctionCatalog>().Functions)
        {
            FunctionInvoker.Validate(function);
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app.MapHttpFunctions(HostJson()["extensions:http:routePrefix"] ?? "api");
    }

    private static IConfigurationRoot HostJson() =>
        new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "host.json"), optional: false).Build();
}
