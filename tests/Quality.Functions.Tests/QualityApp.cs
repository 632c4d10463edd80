using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests;

/// <summary>
/// The real host in-process (WebApplicationFactory&lt;Program&gt;) on the shared Azurite with a storage prefix of its own.
/// With <c>localDrivers</c> off it behaves as under the Functions host: only invocations move messages.
/// </summary>
internal sealed class QualityApp(string connectionString, string prefix, bool localDrivers) : WebApplicationFactory<Program>
{
    public string Prefix => prefix;

    public string ConnectionString => connectionString;

    public static async Task<QualityApp> StartAsync(bool localDrivers)
    {
        var app = new QualityApp(await SharedAzurite.ConnectionStringAsync(), TestPipeline.NewPrefix(), localDrivers);
        _ = app.Server; // build and start now, so storage exists before the test acts
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in TestPipeline.Settings(connectionString, prefix))
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Local:Enabled", localDrivers ? "true" : "false");
        builder.UseSetting("Local:BlobScanInterval", "00:00:00.200");
        builder.UseSetting("Local:MaxPollingInterval", "00:00:00.500");
    }
}
