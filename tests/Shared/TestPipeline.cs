using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quality.Pipeline;
using Quality.Pipeline.Storage;

namespace Quality.Tests.Shared;

/// <summary>
/// A pipeline of its own on the shared Azurite: every container and table carries a unique prefix (and a dev host
/// given the same settings puts it in front of its task hub), created at start and deleted at the end.
/// </summary>
internal sealed class TestPipeline : IAsyncDisposable
{
    private TestPipeline(ServiceProvider services, string prefix, string connectionString)
    {
        Services = services;
        Prefix = prefix;
        ConnectionString = connectionString;
    }

    public ServiceProvider Services { get; }

    public string Prefix { get; }

    public string ConnectionString { get; }

    public StorageClients Storage => Services.GetRequiredService<StorageClients>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Settings every test pipeline uses, so a child host process can be given the same.</summary>
    public static Dictionary<string, string?> Settings(string connectionString, string prefix) => new()
    {
        ["Storage:ConnectionString"] = connectionString,
        ["Storage:Prefix"] = prefix,
    };

    /// <param name="logs">Receives the pipeline's log lines from Information up; without it only warnings are logged, nowhere.</param>
    public static async Task<TestPipeline> StartAsync(IDictionary<string, string?>? overrides = null, TimeProvider? time = null, ILoggerProvider? logs = null)
    {
        var connectionString = await SharedAzurite.ConnectionStringAsync();
        var prefix = NewPrefix();
        var settings = Settings(connectionString, prefix);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging(b =>
            {
                b.SetMinimumLevel(logs is null ? LogLevel.Warning : LogLevel.Information);
                if (logs is not null)
                {
                    b.AddProvider(logs);
                }
            })
            .AddSingleton(time ?? TimeProvider.System)
            .AddQualityPipeline(configuration)
            .BuildServiceProvider();
        await services.GetRequiredService<StorageClients>().EnsureCreatedAsync(CancellationToken.None);
        return new TestPipeline(services, prefix, connectionString);
    }

    /// <summary>A fresh prefix: lowercase letters and digits, unique per test.</summary>
    public static string NewPrefix() => "q" + Guid.NewGuid().ToString("N")[..12];

    public async ValueTask DisposeAsync()
    {
        var storage = Storage;
        var names = storage.Names;
        var deletions = new List<Task>();
        deletions.AddRange(names.Containers.Select(c => storage.Container(c).DeleteIfExistsAsync()));
        deletions.AddRange(names.Tables.Select(t => storage.Tables.DeleteTableAsync(t)));
        await Task.WhenAll(deletions);
        await Services.DisposeAsync();
    }
}
