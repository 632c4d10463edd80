using System.CommandLine;
using Quality.Domain.Standards;

namespace Quality.Cli.Commands;

/// <summary>
/// <c>quality standard validate &lt;file&gt;</c>: check a quality standard document (docs/standards.md) before it is
/// published; errors name the file, line, column, YAML path and problem.
/// </summary>
internal static class StandardCommand
{
    public static Command Create() => new("standard", "Validate quality standard documents.")
    {
        Validate(),
    };

    /// <summary>The standard in <paramref name="file"/>, or null after writing why it cannot be read to stderr.</summary>
    public static async Task<QualityStandard?> LoadAsync(FileInfo file, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        try
        {
            return StandardDocument.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken), file.Name);
        }
        catch (StandardFormatException e)
        {
            await console.Error.WriteLineAsync(e.Message);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            await console.Error.WriteLineAsync($"{file.FullName}: no such file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"{file.FullName}: {e.Message}");
        }

        return null;
    }

    private static Command Validate()
    {
        var file = new Argument<FileInfo>("file") { Description = "A quality standard YAML document (docs/standards.md)." };
        var command = new Command("validate", "Check a standard; errors name the line, column and YAML path.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = parse.InvocationConfiguration;
            if (await LoadAsync(parse.GetRequiredValue(file), console, cancellationToken) is not { } standard)
            {
                return ExitCodes.BadInput;
            }

            await console.Output.WriteLineAsync($"{standard.Reference}: {standard.Rules.Count} rules: valid");
            return ExitCodes.Success;
        });
        return command;
    }
}
