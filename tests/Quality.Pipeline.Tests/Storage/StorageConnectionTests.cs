using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Tests.Storage;

/// <summary>
/// The app reads its storage from the Functions host's <c>AzureWebJobsStorage</c> connection as the host does: in Azure
/// identity-based (the settings infra/main.bicep writes), locally a connection string.
/// </summary>
public sealed class StorageConnectionTests
{
    [Fact]
    public void IdentityBasedConnection_EndpointsOfTheAccountAndTheUserAssignedIdentity_NoKey()
    {
        using var services = Services(new()
        {
            ["AzureWebJobsStorage__accountName"] = "qualityprod",
            ["AzureWebJobsStorage__credential"] = "managedidentity",
            ["AzureWebJobsStorage__clientId"] = "11111111-2222-3333-4444-555555555555",
        });

        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var storage = services.GetRequiredService<StorageClients>();

        Assert.Equal("", options.ConnectionString);
        Assert.IsType<ManagedIdentityCredential>(options.Credential);
        Assert.Equal(new Uri("https://qualityprod.blob.core.windows.net/"), storage.Blobs.Uri);
        Assert.Equal(new Uri("https://qualityprod.table.core.windows.net/"), storage.Tables.Uri);
        // No account key to sign with: upload URLs are user-delegation SAS (DeliveryUploads).
        Assert.False(storage.Container(storage.Names.Incoming).CanGenerateSasUri);
    }

    [Fact]
    public void IdentityBasedConnection_ServiceUris_TakeThePlaceOfTheAccountName()
    {
        using var services = Services(new()
        {
            ["AzureWebJobsStorage__blobServiceUri"] = "https://blobs.example.net",
            ["AzureWebJobsStorage__tableServiceUri"] = "https://tables.example.net",
            ["AzureWebJobsStorage__credential"] = "managedidentity",
        });

        var storage = services.GetRequiredService<StorageClients>();

        Assert.Equal(new Uri("https://blobs.example.net/"), storage.Blobs.Uri);
        Assert.Equal(new Uri("https://tables.example.net/"), storage.Tables.Uri);
    }

    [Fact]
    public void ConnectionString_SignsWithTheAccountKey()
    {
        using var services = Services(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        var storage = services.GetRequiredService<StorageClients>();

        Assert.Equal("devstoreaccount1", storage.Blobs.AccountName);
        Assert.True(storage.Container(storage.Names.Incoming).CanGenerateSasUri);
    }

    [Fact]
    public void NoConnection_RefusedSayingWhichSettingsToSet()
    {
        using var services = Services([]);

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<StorageClients>());

        Assert.Contains("AzureWebJobsStorage__accountName", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The settings as app settings arrive: environment-variable names, <c>__</c> for a section.</summary>
    private static ServiceProvider Services(Dictionary<string, string?> appSettings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(appSettings.ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => s.Value))
            .Build();
        return new ServiceCollection().AddQualityPipeline(configuration).BuildServiceProvider();
    }
}
