using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Quality.Functions;

/// <summary>
/// The worker's logs and traces as OpenTelemetry, exported to Application Insights when the app has one
/// (<c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>). OpenTelemetry rather than the Application Insights SDK: with host.json's
/// <c>telemetryMode: OpenTelemetry</c> the host and the worker emit one W3C trace per invocation — the trace id a 500's
/// <c>correlationId</c> names — and the pipeline's and Durable's logs flow through the same exporter, which could be
/// pointed elsewhere without touching the code. The exporter signs in with the app's managed identity
/// (<c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING=Authorization=AAD;ClientId=…</c>, the host's own setting), so the
/// component can refuse instrumentation-key ingestion.
/// </summary>
internal static class FunctionsTelemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static IServiceCollection AddQualityTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[ConnectionStringSetting] is not { Length: > 0 } connectionString)
        {
            return services;
        }

        var credential = Credential(configuration[AuthenticationSetting]);
        services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .UseAzureMonitorExporter(o =>
            {
                o.ConnectionString = connectionString;
                o.Credential = credential;
            });
        return services;
    }

    /// <summary>
    /// The identity <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> names (<c>Authorization=AAD</c>, with
    /// <c>ClientId</c> for a user-assigned identity); null without it (instrumentation-key ingestion).
    /// </summary>
    internal static TokenCredential? Credential(string? authentication)
    {
        var parts = (authentication ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new ManagedIdentityCredential(parts.TryGetValue("ClientId", out var clientId)
            ? ManagedIdentityId.FromUserAssignedClientId(clientId)
            : ManagedIdentityId.SystemAssigned);
    }
}
