using Quality.Tests.Shared;

namespace Quality.Cli.Tests.Commands;

/// <summary><c>quality audit</c> and <c>quality sample</c> on every delivery of the bad-input corpus: the pipeline's precise error, exit code 2.</summary>
public sealed class AuditBadInputTests
{
    public static TheoryData<string, string> Cases
    {
        get
        {
            var cases = new TheoryData<string, string>();
            foreach (var bad in BadDeliveries.All)
            {
                cases.Add(bad.Name, "audit");
                cases.Add(bad.Name, "sample");
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadDelivery_PrintsFileLineFieldAndExits2(string name, string command)
    {
        var bad = BadDeliveries.All.Single(c => c.Name == name);
        var folder = Directory.CreateTempSubdirectory("cli-bad-");
        try
        {
            foreach (var (path, bytes) in bad.Files)
            {
                await File.WriteAllBytesAsync(Path.Combine(folder.FullName, path), bytes);
            }

            var delivery = Path.Combine(folder.FullName, bad.IsMultiFile ? "manifest.json" : "delivery.jsonl");
            var run = await CliRun.InvokeAsync(command == "sample"
                ? ["sample", delivery, "--standard", Repository.Sample(Path.Combine("standards", "front-lidar-cuboids.yaml"))]
                : ["audit", delivery]);

            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            var where = bad.Line > 0 ? $"{bad.File} line {bad.Line}" : bad.File;
            Assert.StartsWith(bad.Field is null ? where + ": " : $"{where}, field '{bad.Field}': ", run.Error, StringComparison.Ordinal);
            Assert.Contains(bad.Problem, run.Error, StringComparison.Ordinal);
            Assert.Equal("", run.Output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static TheoryData<string> AcceptedCases => [.. BadDeliveries.AcceptedMistakes.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(AcceptedCases))]
    public async Task UnambiguousMistake_AuditedAsTheCleanDelivery(string name)
    {
        var accepted = BadDeliveries.AcceptedMistakes.Single(c => c.Name == name);
        var folder = Directory.CreateTempSubdirectory("cli-accepted-");
        try
        {
            foreach (var (path, bytes) in accepted.Files)
            {
                await File.WriteAllBytesAsync(Path.Combine(folder.FullName, path), bytes);
            }

            var run = await CliRun.InvokeAsync("audit", Path.Combine(folder.FullName, accepted.IsMultiFile ? "manifest.json" : "delivery.jsonl"), "--json");

            Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
            Assert.Equal(accepted.Annotations, (long)System.Text.Json.Nodes.JsonNode.Parse(run.Output)!["annotations"]!);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
