using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Quality.Functions.Tests.Monitoring;

/// <summary>Telemetry goes to Application Insights only when the app has one, signed in with the app's identity when the host's setting says so.</summary>
public sealed class FunctionsTelemetryTests
{
    [Theory]
    [InlineData("Authorization=AAD;ClientId=11111111-2222-3333-4444-555555555555", true)]
    [InlineData("ClientId=abc; Authorization=aad", true)]
    [InlineData("Authorization=AAD", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void AuthenticationString_AadMeansTheManagedIdentity(string? setting, bool identity)
    {
        var credential = FunctionsTelemetry.Credential(setting);

        if (identity)
        {
            Assert.IsType<ManagedIdentityCredential>(credential);
        }
        else
        {
            Assert.Null(credential);
        }
    }

    [Fact]
    public void NoApplicationInsights_NoExporter()
    {
        using var services = new ServiceCollection().AddQualityTelemetry(new ConfigurationBuilder().Build()).BuildServiceProvider();

        Assert.Null(services.GetService<TracerProvider>());
    }

    [Fact]
    public void ApplicationInsights_TracesExported()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [FunctionsTelemetry.ConnectionStringSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.invalid/",
            [FunctionsTelemetry.AuthenticationSetting] = "Authorization=AAD;ClientId=11111111-2222-3333-4444-555555555555",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddQualityTelemetry(configuration).BuildServiceProvider();

        Assert.NotNull(services.GetService<TracerProvider>());
    }
}
