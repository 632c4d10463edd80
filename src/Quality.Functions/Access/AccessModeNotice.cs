using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Quality.Functions.Access;

/// <summary>Says once, at start, who the app lets in: in Open mode everyone is an admin, which no one should miss.</summary>
internal sealed partial class AccessModeNotice(IOptions<AccessOptions> options, ILogger<AccessModeNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.EffectiveMode == AccessMode.Open)
        {
            LogOpen(logger);
        }
        else
        {
            LogRoles(logger, options.Value.PlatformAuthentication);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning,
        Message = "Auth:Mode is Open: every caller is a local admin. Set Auth:Mode=Roles to require App Service Authentication's principals and app roles")]
    private static partial void LogOpen(ILogger logger);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "Auth:Mode is Roles; App Service Authentication on: {PlatformAuthentication}")]
    private static partial void LogRoles(ILogger logger, bool platformAuthentication);
}
