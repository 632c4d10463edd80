using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quality.LocalHost.Catalog;
using Quality.LocalHost.Durable;
using Quality.LocalHost.Invocation;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests;

/// <summary>
/// The dev host in-process on Kestrel (real HTTP on a free loopback port), on the shared Azurite with a storage prefix
/// and task hub of its own. With <c>processing</c> off it serves the API and starts audits, but watches no blobs and
/// runs no orchestrations: a test moves a delivery one step at a time.
/// </summary>
/// <remarks>The factory's type argument only names the dev host's assembly, whose entry point it runs.</remarks>
internal sealed class QualityApp : WebApplicationFactory<FunctionCatalog>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsStorage;

    private QualityApp(Dictionary<string, string?> settings, string prefix, string connectionString, bool ownsStorage)
    {
        _settings = settings;
        _ownsStorage = ownsStorage;
        Prefix = prefix;
        ConnectionString = connectionString;
    }

    public string Prefix { get; }

    public string ConnectionString { get; }

    /// <param name="sharing">Another app whose storage and task hub this one uses, as a second host process would; that app cleans up.</param>
    public static async Task<QualityApp> StartAsync(bool processing, IDictionary<string, string?>? overrides = null, QualityApp? sharing = null)
    {
        var connectionString = await SharedAzurite.ConnectionStringAsync();
        var prefix = sharing?.Prefix ?? TestPipeline.NewPrefix();
        var settings = DevHostSettings.For(connectionString, prefix, processing);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = new QualityApp(settings, prefix, connectionString, ownsStorage: sharing is null);
        app.UseKestrel(0);
        app.StartServer(); // storage and the task hub exist before the test acts
        return app;
    }

    /// <summary>Invokes the blob-triggered OnBatchArrived for a delivered blob, as Event Grid would.</summary>
    public async Task ArriveAsync(string blobName)
    {
        var function = Services.GetRequiredService<FunctionCatalog>().Functions.Single(f => f.Name == "OnBatchArrived");
        var blob = Services.GetRequiredService<StorageClients>().Container(Prefix + "-incoming").GetBlobClient(blobName);
        await Services.GetRequiredService<FunctionInvoker>().InvokeAsync(function, blob, new Dictionary<string, object?> { ["name"] = blobName }, CancellationToken.None);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>This app's settings for a dev host process on the same storage and task hub that does the processing.</summary>
    public Dictionary<string, string?> SettingsForProcessingHost()
    {
        var settings = new Dictionary<string, string?>(_settings)
        {
            ["Durable:Worker"] = "true",
            ["Triggers:Blobs"] = "true",
        };
        return settings;
    }

    public override async ValueTask DisposeAsync()
    {
        var storage = Services.GetRequiredService<StorageClients>();
        var hub = Services.GetRequiredService<DurableEngine>().Service;
        await base.DisposeAsync();
        if (!_ownsStorage)
        {
            return;
        }

        await hub.DeleteAsync();
        await Task.WhenAll(storage.Names.Containers.Append(storage.Names.Prefixed("azure-webjobs-hosts")).Select(c => storage.Container(c).DeleteIfExistsAsync())
            .Concat(storage.Names.Tables.Select(t => (Task)storage.Tables.DeleteTableAsync(t))));
    }
}
