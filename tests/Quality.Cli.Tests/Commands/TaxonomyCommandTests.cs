using System.Text.Json;
using Quality.Tests.Shared;

namespace Quality.Cli.Tests.Commands;

/// <summary><c>quality taxonomy validate</c> and <c>diff</c>, in process.</summary>
public sealed class TaxonomyCommandTests
{
    private static readonly string V100 = Repository.Sample(Path.Combine("taxonomies", "driving@1.0.0.yaml"));
    private static readonly string V110 = Repository.Sample(Path.Combine("taxonomies", "driving@1.1.0.yaml"));

    [Fact]
    public async Task Validate_Sample_PrintsCountsAndExits0()
    {
        var run = await CliRun.InvokeAsync("taxonomy", "validate", V100);

        Assert.Equal((ExitCodes.Success, ""), (run.ExitCode, run.Error));
        Assert.Equal("driving@1.0.0: 12 classes, 5 attributes, 3 tag fields: valid" + Environment.NewLine, run.Output);
    }

    [Fact]
    public async Task Validate_Typo_NamesLineColumnAndPathAndExits2()
    {
        var file = Path.Combine(Path.GetTempPath(), $"taxonomy-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "name: mini\nversion: 1.0.0\nclasses:\n  car:\n    synonym: [auto]\n");

        var run = await CliRun.InvokeAsync("taxonomy", "validate", file);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith($"{Path.GetFileName(file)} line 5, column 5, at 'classes.car.synonym': unknown key 'synonym'", run.Error, StringComparison.Ordinal);
        File.Delete(file);
    }

    [Fact]
    public async Task Validate_MissingFile_Exits2()
    {
        var run = await CliRun.InvokeAsync("taxonomy", "validate", "no-such-taxonomy.yaml");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("no such file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_Samples_PrintsChangesAndTheBumpVerdict()
    {
        var run = await CliRun.InvokeAsync("taxonomy", "diff", V100, V110);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("driving@1.0.0 -> driving@1.1.0: 4 changes; needs minor, is minor: consistent", lines[0]);
        Assert.Contains("  [minor] class-deprecated: class 'van' is deprecated; replaced by 'car'", lines);
        Assert.Contains("  [minor] class-added: class 'personal-mobility-rider' was added", lines);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public async Task Diff_Backwards_Json_FlagsTheDowngradeAndTheRemovedClass()
    {
        var run = await CliRun.InvokeAsync("taxonomy", "diff", V110, V100, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("major", root.GetProperty("required").GetString());
        Assert.Equal("downgrade", root.GetProperty("actual").GetString());
        Assert.False(root.GetProperty("isBumpConsistent").GetBoolean());
        Assert.Contains(root.GetProperty("changes").EnumerateArray(),
            c => c.GetProperty("kind").GetString() == "class-removed" && c.GetProperty("subject").GetString() == "personal-mobility-rider");
    }
}
