using System.CommandLine;

namespace Quality.Cli.Tests;

/// <summary>
/// A run builds only the command its first argument names (<see cref="QualityCommand.Create(IReadOnlyList{string})"/>):
/// what a user sees must be what the whole command tree gives.
/// </summary>
public sealed class QualityCommandTests
{
    public static TheoryData<string[]> Runs() =>
    [
        ["audit", "--help"],
        ["audit"],
        ["audit", "no-such-file.csv", "--jsn"],
        ["audit", "no-such-file.csv", "--iou-mode", "4d"],
        ["standard"],
        ["standard", "validate", "--help"],
        ["taxonomy", "diff", "--help"],
        ["sampling", "plan"],
        ["models", "compare", "--help"],
        ["query", "--help"],
        ["--help"],
        ["--version"],
        ["audti", "file.csv"],
        [],
    ];

    [Fact]
    public void Create_EachCommandsName_BuildsThatCommandAlone()
    {
        var all = QualityCommand.Create([]).Subcommands;

        Assert.Equal(9, all.Count);
        foreach (var command in all)
        {
            Assert.Equal(command.Name, Assert.Single(QualityCommand.Create([command.Name, "--help"]).Subcommands).Name);
        }
    }

    [Fact]
    public void Create_NoCommandNamed_BuildsEveryCommand()
    {
        var all = QualityCommand.Create([]).Subcommands.Select(command => command.Name);

        Assert.Equal(all, QualityCommand.Create(["--help"]).Subcommands.Select(command => command.Name));
        Assert.Equal(all, QualityCommand.Create(["audti"]).Subcommands.Select(command => command.Name));
        Assert.Equal(all, QualityCommand.Create([]).Subcommands.Select(command => command.Name));
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task InvokeAsync_AnyArguments_PrintsWhatTheWholeTreePrints(string[] args)
    {
        var run = await CliRun.InvokeAsync(args);

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await QualityCommand.Create([]).Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, CancellationToken.None);
        Assert.Equal((exitCode, output.ToString(), error.ToString()), (run.ExitCode, run.Output, run.Error));
    }
}
