using System.CommandLine;
using Quality.Cli.Commands;

namespace Quality.Cli;

/// <summary>
/// The <c>quality</c> command line. Tests call <see cref="InvokeAsync"/> in process with their own writers, so what
/// they see is exactly what a user sees.
/// </summary>
internal static class QualityCommand
{
    public static RootCommand Create() => new("Serverless.Quality: audit annotation deliveries, submit them to the pipeline and chart their quality over time.")
    {
        AuditCommand.Create(),
        StandardCommand.Create(),
        SubmitCommand.Create(),
        SpcCommand.Create(),
        TaxonomyCommand.Create(),
        SamplingCommand.Create(),
        SampleCommand.Create(),
        ModelsCommand.Create(),
        QueryCommand.Create(),
    };

    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
}
