using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;
using Quality.Functions;
using Quality.Functions.Access;
using Quality.Pipeline;
using Quality.Pipeline.Storage;

namespace Quality.Infra.Tests;

/// <summary>
/// The app reads every setting the template writes, by the same name, and the template writes every setting the app
/// needs in Azure: the app's own configuration binding runs on the deployed settings while a recording provider notes
/// each key it asks for.
/// </summary>
public sealed class AppSettingsParityTests
{
    /// <summary>What Azure fills in at deployment for the settings whose value is an expression in the snapshot.</summary>
    private static readonly Dictionary<string, string> DeployedValues = new(StringComparer.Ordinal)
    {
        ["AzureWebJobsStorage__clientId"] = "6f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "Authorization=AAD;ClientId=6f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
    };

    /// <summary>Set by the platform on every Function App, never by the template.</summary>
    private static readonly string[] Platform = ["WEBSITE_AUTH_ENABLED", "WEBSITE_SITE_NAME"];

    /// <summary>
    /// Read by the app but rightly absent in Azure: each has a default that is right there, or is for local runs only.
    /// A key the app starts reading must be added to the template or here, with its reason.
    /// </summary>
    private static readonly Dictionary<string, string> OptionalInAzure = new(StringComparer.Ordinal)
    {
        ["AzureWebJobsStorage"] = "a connection string: local runs (Azurite); Azure uses the identity-based section",
        ["AzureWebJobsStorage:*"] = "the rest of the connection's options the Azure SDK's component factory reads (service URIs instead of accountName, tenantId, clientSecret, …): unset for a user-assigned managed identity",
        ["Storage"] = "the section the options binder opens",
        ["Auth"] = "the section the options binder opens",
        ["Storage:ConnectionString"] = "local override (tests, the CLI)",
        ["Storage:Prefix"] = "tests: isolated pipelines sharing one Azurite",
        ["Storage:BlobServiceUri"] = "derived from AzureWebJobsStorage, never set",
        ["Storage:TableServiceUri"] = "derived from AzureWebJobsStorage, never set",
        ["Auth:Mode"] = "Open locally; Azure always runs Roles and refuses Open",
        ["Pipeline:*"] = "tuning with defaults (docs: README configuration)",
    };

    [Fact]
    public void EveryTemplateSetting_IsReadByTheApp_AndEveryKeyTheAppReads_IsInTheTemplateOrExplained()
    {
        var deployed = FunctionAppSettings();
        var reads = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var configuration = new ConfigurationBuilder().Add(new RecordingSource(deployed, reads)).Build();

        using (var services = AppServices(configuration))
        {
            // What the app resolves at start in Azure: storage, the access mode, telemetry.
            var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            _ = services.GetRequiredService<StorageClients>();
            _ = services.GetRequiredService<IOptions<AccessOptions>>().Value;
            Assert.NotNull(services.GetService<TracerProvider>());
            Assert.Equal(new Uri($"https://{deployed["AzureWebJobsStorage:accountName"]}.blob.core.windows.net"), storage.BlobServiceUri);
        }

        // Template → app: every setting the template writes is asked for by the app's code.
        Assert.All(deployed.Keys, key => Assert.True(reads.Contains(key), $"The template sets {key}, which the app never reads."));

        // App → template: every key the app asks for is written by the template, set by the platform, or optional.
        var unexplained = reads
            .Where(key => !deployed.ContainsKey(key) && !Platform.Contains(key, StringComparer.OrdinalIgnoreCase))
            .Where(key => !OptionalInAzure.ContainsKey(key) && !OptionalInAzure.Keys.Any(k => k.EndsWith(":*", StringComparison.Ordinal) && key.StartsWith(k[..^1], StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(unexplained.Count == 0, $"The app reads {string.Join(", ", unexplained)}, which the template does not set and nothing explains.");
    }

    /// <summary>The Function App's settings as deployed, named as the app's configuration sees them (<c>__</c> is a section).</summary>
    private static Dictionary<string, string?> FunctionAppSettings()
    {
        var site = DeploymentSnapshot.Of("prod", secondStage: true).Single("Microsoft.Web/sites");
        return site["properties"]!["siteConfig"]!["appSettings"]!.AsArray().ToDictionary(
            s => ((string)s!["name"]!).Replace("__", ":", StringComparison.Ordinal),
            s => (string?)s!["value"] is { } value && value.StartsWith('[')
                ? DeployedValues.TryGetValue((string)s!["name"]!, out var stand) ? stand : throw new InvalidOperationException($"{s["name"]} is an expression; give DeployedValues what Azure fills in.")
                : (string?)s!["value"]);
    }

    private static ServiceProvider AppServices(IConfiguration configuration)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddQualityFunctions(configuration);
        services.AddQualityTelemetry(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Configuration over fixed settings that notes every key asked for, present or not.</summary>
    private sealed class RecordingSource(IReadOnlyDictionary<string, string?> settings, HashSet<string> reads) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(settings, reads);

        private sealed class Provider(IReadOnlyDictionary<string, string?> settings, HashSet<string> reads) : ConfigurationProvider
        {
            public override void Load() => Data = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);

            public override bool TryGet(string key, out string? value)
            {
                lock (reads)
                {
                    reads.Add(key);
                }

                return base.TryGet(key, out value);
            }
        }
    }
}
