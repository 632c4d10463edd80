using System.CommandLine;
using Quality.Cli.Commands;

namespace Quality.Cli;

/// <summary>
/// The <c>quality</c> command line. Tests call <see cref="InvokeAsync"/> in process with their own writers, so what
/// they see is exactly what a user sees.
/// </summary>
/// <remarks>
/// A run builds only the command its first argument names: building every command's options and arguments cost a
/// one-shot run more than the audit of a 10-row table (docs/performance.md, Alpha, seventh round). Any other first
/// argument (none, <c>--help</c>, <c>--version</c>, a mistyped command, a response file) gets the whole tree, so help,
/// suggestions and errors list every command as before.
/// </remarks>
internal static class QualityCommand
{
    /// <summary>Every command, in the order help lists them, and how to build it.</summary>
    private static readonly (string Name, Func<Command> Create)[] Commands =
    [
        ("audit", AuditCommand.Create),
        ("standard", StandardCommand.Create),
        ("submit", SubmitCommand.Create),
        ("spc", SpcCommand.Create),
        ("taxonomy", TaxonomyCommand.Create),
        ("sampling", SamplingCommand.Create),
        ("sample", SampleCommand.Create),
        ("models", ModelsCommand.Create),
        ("query", QueryCommand.Create),
    ];

    /// <summary>The root command with only what <paramref name="args"/> can reach: the command it names, or all (no arguments: all).</summary>
    public static RootCommand Create(IReadOnlyList<string> args) =>
        Create(args.Count > 0 && Array.FindIndex(Commands, command => command.Name == args[0]) is var named and >= 0 ? Commands.AsSpan(named, 1) : Commands);

    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        Create(args).Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);

    private static RootCommand Create(ReadOnlySpan<(string Name, Func<Command> Create)> commands)
    {
        var root = new RootCommand("Serverless.Quality: audit annotation deliveries, submit them to the pipeline and chart their quality over time.");
        foreach (var command in commands)
        {
            root.Subcommands.Add(command.Create());
        }

        return root;
    }
}
