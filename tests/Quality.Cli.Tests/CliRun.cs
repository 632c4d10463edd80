using Quality.Tests.Shared;

namespace Quality.Cli.Tests;

/// <summary>
/// One in-process run of the <c>quality</c> command line: what a user would see on stdout, and on stderr without the
/// progress lines a loaded machine adds (<see cref="CliProgress"/>).
/// </summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await QualityCommand.InvokeAsync(args, output, error, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), CliProgress.Without(error.ToString()));
    }
}
