using System.CommandLine;
using Quality.Domain.Audit;
using Quality.Domain.Taxonomy;

namespace Quality.Cli.Commands;

/// <summary>
/// <c>quality taxonomy validate &lt;file&gt;</c> and <c>quality taxonomy diff &lt;a&gt; &lt;b&gt; [--json]</c>: check a taxonomy
/// document before it is published, and see what a new version changes and whether its version bump says so.
/// </summary>
internal static class TaxonomyCommand
{
    public static Command Create() => new("taxonomy", "Validate taxonomy documents and compare versions.")
    {
        Validate(),
        Diff(),
    };

    private static Command Validate()
    {
        var file = new Argument<FileInfo>("file") { Description = "A taxonomy YAML document (docs/taxonomy.md)." };
        var command = new Command("validate", "Check a taxonomy document; errors name the line, column and YAML path.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = parse.InvocationConfiguration;
            if (await LoadAsync(parse.GetRequiredValue(file), console, cancellationToken) is not { } taxonomy)
            {
                return ExitCodes.BadInput;
            }

            await console.Output.WriteLineAsync(
                $"{taxonomy}: {taxonomy.Classes.Count} classes, {taxonomy.Attributes.Count} attributes, {taxonomy.Tags.Count} tag fields: valid");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Diff()
    {
        var from = new Argument<FileInfo>("a") { Description = "The earlier taxonomy version." };
        var to = new Argument<FileInfo>("b") { Description = "The later taxonomy version." };
        var json = new Option<bool>("--json") { Description = "Print the diff as JSON." };
        var command = new Command("diff", "What changed from one taxonomy version to another, and whether the version bump fits semver.") { from, to, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = parse.InvocationConfiguration;
            if (await LoadAsync(parse.GetRequiredValue(from), console, cancellationToken) is not { } a
                || await LoadAsync(parse.GetRequiredValue(to), console, cancellationToken) is not { } b)
            {
                return ExitCodes.BadInput;
            }

            var diff = TaxonomyDiff.Compare(a, b);
            if (parse.GetValue(json))
            {
                await console.Output.WriteLineAsync(PrintedJson.Serialize(diff));
                return ExitCodes.Success;
            }

            await console.Output.WriteLineAsync(
                $"{diff.From} -> {diff.To}: {diff.Changes.Count} changes; needs {Bump(diff.Required)}, is {Bump(diff.Actual)}: {diff.BumpProblem ?? "consistent"}");
            foreach (var change in diff.Changes)
            {
                await console.Output.WriteLineAsync($"  [{Bump(change.Requires)}] {change.Kind}: {change.Description}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static async Task<Taxonomy?> LoadAsync(FileInfo file, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await console.Error.WriteLineAsync($"{file.FullName}: no such file");
            return null;
        }

        try
        {
            return TaxonomyDocument.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken), file.Name);
        }
        catch (TaxonomyFormatException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return null;
        }
    }

    private static string Bump(VersionBump bump) => bump switch
    {
        VersionBump.Major => "major",
        VersionBump.Minor => "minor",
        VersionBump.Patch => "patch",
        VersionBump.Downgrade => "downgrade",
        _ => "none",
    };
}
