using System.Text.Json;
using System.Text.RegularExpressions;
using Quality.Cli;
using Quality.Tests.Shared;

namespace Quality.Readme.Tests;

/// <summary>
/// The samples agree with themselves: every sample delivery names a taxonomy that ships in <c>samples/taxonomies</c>
/// and its pipeline has a standard in <c>samples/standards</c>; audited against both it meets them, or fails the way
/// <c>samples/README.md</c> says it does on purpose. And every repository path the README names exists.
/// </summary>
public sealed partial class SampleFilesTests
{
    /// <summary>Each sample, the verdict of its standard and the taxonomy violations, as samples/README.md explains them.</summary>
    public static TheoryData<string, string, int> Samples => new()
    {
        { "front-camera-tags.jsonl", "AcceptedWithFindings", 0 },
        { "front-lidar-cuboids.jsonl", "Rejected", 45 },
        { "krippendorff-2011.jsonl", "AcceptedWithFindings", 0 },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_AuditedAgainstTheTaxonomyAndStandardItNames_GetsTheVerdictSamplesReadmeExplains(string sample, string verdict, int violations)
    {
        var path = Repository.Sample(sample);
        using var header = JsonDocument.Parse(File.ReadLines(path).First());
        var taxonomy = header.RootElement.GetProperty("taxonomy");
        var taxonomyFile = Repository.Sample(Path.Combine("taxonomies", $"{taxonomy.GetProperty("name").GetString()}@{taxonomy.GetProperty("version").GetString()}.yaml"));
        var standardFile = Repository.Sample(Path.Combine("standards", $"{header.RootElement.GetProperty("pipeline").GetString()}.yaml"));
        Assert.True(File.Exists(taxonomyFile), $"{sample} names a taxonomy that does not ship: {taxonomyFile}");
        Assert.True(File.Exists(standardFile), $"{sample}'s pipeline has no standard in samples/standards: {standardFile}");

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await QualityCommand.InvokeAsync(["audit", path, "--taxonomy", taxonomyFile, "--standard", standardFile, "--json"], output, error, CancellationToken.None);

        Assert.Equal((0, ""), (exitCode, CliProgress.Without(error.ToString())));
        using var report = JsonDocument.Parse(output.ToString());
        Assert.Equal(verdict, report.RootElement.GetProperty("verdict").GetProperty("outcome").GetString(), ignoreCase: true);
        Assert.Equal(violations, report.RootElement.GetProperty("violations").GetProperty("violations").GetInt32());
        var explained = await File.ReadAllTextAsync(Repository.Sample("README.md"));
        Assert.Matches($@"`{Regex.Escape(sample)}`[^\n]*(\n  [^\n]*)*{verdict}", explained);
    }

    [Fact]
    public void Samples_EveryDelivery_IsChecked()
    {
        var checkedSamples = Samples.Select(row => (string)row[0]);

        Assert.Equal(Directory.GetFiles(Path.Combine(Repository.Root, "samples"), "*.jsonl").Select(Path.GetFileName).Order(), checkedSamples.Order());
    }

    [Fact]
    public void Readme_EveryRepositoryPathItNames_Exists()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));

        var missing = RepositoryPath().Matches(readme).Select(m => m.Value.TrimEnd('.', ',', ')'))
            .Where(p => !File.Exists(Path.Combine(Repository.Root, p)) && !Directory.Exists(Path.Combine(Repository.Root, p)))
            .Distinct()
            .ToList();

        Assert.Empty(missing);
    }

    /// <summary>A path below one of the repository's top folders, as the README writes them in commands and prose.</summary>
    [GeneratedRegex(@"(?<![\w/.-])(?:samples|src|docs|eng|tests|tools|infra)/[\w@./-]*[\w/]")]
    private static partial Regex RepositoryPath();
}
