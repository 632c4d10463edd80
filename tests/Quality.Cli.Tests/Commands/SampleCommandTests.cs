using System.Text.Json;
using System.Text.Json.Nodes;
using Quality.Domain.Sampling;
using Quality.Tests.Shared;

namespace Quality.Cli.Tests.Commands;

/// <summary><c>quality sample</c> on the sample delivery under its standard (AQL 1.0, level II, strata class × annotator, at least 5 each, seed 42).</summary>
public sealed class SampleCommandTests
{
    private static readonly string Delivery = Repository.Sample("front-lidar-cuboids.jsonl");

    private static readonly string Standard = Repository.Sample(Path.Combine("standards", "front-lidar-cuboids.yaml"));

    [Fact]
    public async Task Sample_Json_LotIsTheAnnotatorItemPairsAndPlanIsZ14s()
    {
        var run = await SampleAsync("--json");

        Assert.Equal((ExitCodes.Success, ""), (run.ExitCode, run.Error));
        var sample = JsonNode.Parse(run.Output)!;
        var lot = (long)sample["lotSize"]!;
        Assert.Equal(AnnotatorUnits().Count, lot);
        AssertPlan(AcceptanceSampling.Plan(lot, 1.0, InspectionLevel.II, InspectionSeverity.Normal), sample["plan"]!);
    }

    [Fact]
    public async Task Sample_Tightened_GivesTheTightenedPlan()
    {
        var run = await SampleAsync("--inspection", "tightened", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var sample = JsonNode.Parse(run.Output)!;
        AssertPlan(AcceptanceSampling.Plan((long)sample["lotSize"]!, 1.0, InspectionLevel.II, InspectionSeverity.Tightened), sample["plan"]!);
        Assert.Equal("tightened", (string?)sample["plan"]!["inspection"]);
    }

    [Fact]
    public async Task Sample_Json_DrawsUnitsOfTheDeliveryAtLeastThePlanAndTheMinimumPerStratum()
    {
        var run = await SampleAsync("--json");

        var sample = JsonNode.Parse(run.Output)!;
        var items = sample["items"]!.AsArray();
        var strata = sample["strata"]!.AsArray();
        var size = (int)sample["size"]!;
        Assert.Subset(AnnotatorUnits(), items.Select(i => ((string)i!["item"]!, (string)i!["annotator"]!)).ToHashSet());
        Assert.Equal(size, items.Count);
        Assert.Equal(size, strata.Sum(s => (int)s!["selected"]!));
        Assert.True(size >= (int)sample["plan"]!["sampleSize"]!, $"{size} units drawn, fewer than the plan's sample");
        Assert.All(strata, s => Assert.True((int)s!["selected"]! >= Math.Min(5, (int)s["population"]!), $"stratum {s["key"]}: {s["selected"]} of {s["population"]}"));
        Assert.All(items, i => Assert.InRange((double)i!["inclusionProbability"]!, double.Epsilon, 1));
    }

    [Fact]
    public async Task Sample_Twice_IsByteIdentical()
    {
        var first = await SampleAsync();
        var second = await SampleAsync();

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public async Task Sample_WithoutSeed_UsesTheStandardsSeed()
    {
        var standardSeed = await SampleAsync("--json");
        var given = await SampleAsync("--seed", "42", "--json");

        Assert.Equal("42", (string?)JsonNode.Parse(standardSeed.Output)!["seed"]);
        Assert.Equal(given.Output, standardSeed.Output);
    }

    [Fact]
    public async Task Sample_OtherSeed_DrawsOtherUnits()
    {
        var standardSeed = await SampleAsync("--json");
        var other = await SampleAsync("--seed", "7", "--json");

        Assert.Equal(ExitCodes.Success, other.ExitCode);
        Assert.NotEqual(Units(standardSeed), Units(other));
    }

    [Fact]
    public async Task Sample_StandardWithoutSeed_SeedsWithPipelineVendorAndDelivery()
    {
        var text = await File.ReadAllTextAsync(Standard);
        var seedless = text.Replace("\n  seed: 42\n", "\n", StringComparison.Ordinal);
        Assert.NotEqual(text, seedless);
        using var header = JsonDocument.Parse(File.ReadLines(Delivery).First());
        string? HeaderValue(string key) => header.RootElement.GetProperty(key).GetString();
        var expected = $"{HeaderValue("pipeline")}/{HeaderValue("vendor")}/{HeaderValue("deliveryId")}";

        var run = await WithStandardAsync(seedless, standard => CliRun.InvokeAsync("sample", Delivery, "--standard", standard, "--json"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(expected, (string?)JsonNode.Parse(run.Output)!["seed"]);
    }

    [Fact]
    public async Task Sample_Text_StartsWithThePlanLineOfSamplingPlan()
    {
        var run = await SampleAsync();
        var plan = await CliRun.InvokeAsync("sampling", "plan", "--lot", $"{AnnotatorUnits().Count}", "--aql", "1.0");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Output.Split(Environment.NewLine);
        Assert.Equal(plan.Output.TrimEnd(), lines[0]);
        Assert.StartsWith("seed 42 (the standard's), ", lines[1], StringComparison.Ordinal);
        Assert.Contains("sweep-", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_StandardWithoutSampling_NamesTheFileAndExits2()
    {
        var withoutSampling = WithoutSection(await File.ReadAllTextAsync(Standard), "sampling");

        var run = await WithStandardAsync(withoutSampling, standard => CliRun.InvokeAsync("sample", Delivery, "--standard", standard));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("no sampling section", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{Path.DirectorySeparatorChar}standard.yaml: ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Sample_MissingDelivery_Exits2()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.jsonl");

        var run = await CliRun.InvokeAsync("sample", missing, "--standard", Standard);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"{missing}: no such file", run.Error.TrimEnd());
    }

    [Fact]
    public async Task Sample_BadInspection_NamesTheOptionAndExits2()
    {
        var run = await SampleAsync("--inspection", "strict");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("--inspection strict: ", run.Error, StringComparison.Ordinal);
    }

    private static Task<CliRun> SampleAsync(params string[] options) => CliRun.InvokeAsync(["sample", Delivery, "--standard", Standard, .. options]);

    private static async Task<CliRun> WithStandardAsync(string yaml, Func<string, Task<CliRun>> run)
    {
        var folder = Directory.CreateTempSubdirectory("cli-sample-");
        try
        {
            var standard = Path.Combine(folder.FullName, "standard.yaml");
            await File.WriteAllTextAsync(standard, yaml);
            return await run(standard);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The YAML without the top-level <paramref name="key"/> and the indented lines below it.</summary>
    private static string WithoutSection(string yaml, string key)
    {
        var lines = yaml.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd('\r') == key + ":");
        Assert.True(start >= 0, $"the standard has a {key} section");
        var end = start + 1;
        while (end < lines.Length && (lines[end].TrimEnd('\r').Length == 0 || lines[end][0] == ' '))
        {
            end++;
        }

        return string.Join('\n', lines.Take(start).Concat(lines.Skip(end)));
    }

    /// <summary>The delivery's (item, annotator) pairs of role annotator, read from the file line by line.</summary>
    private static HashSet<(string Item, string Annotator)> AnnotatorUnits()
    {
        var units = new HashSet<(string, string)>();
        foreach (var line in File.ReadLines(Delivery).Skip(1).Where(l => l.Length > 0))
        {
            using var annotation = JsonDocument.Parse(line);
            var root = annotation.RootElement;
            if ((root.TryGetProperty("role", out var role) ? role.GetString() : "annotator") == "annotator")
            {
                units.Add((root.GetProperty("item").GetString()!, root.GetProperty("annotator").GetString()!));
            }
        }

        return units;
    }

    private static HashSet<(string, string)> Units(CliRun run) =>
        [.. JsonNode.Parse(run.Output)!["items"]!.AsArray().Select(i => ((string)i!["item"]!, (string)i!["annotator"]!))];

    private static void AssertPlan(SamplingPlan expected, JsonNode plan) => Assert.Equal(
        (expected.CodeLetter.ToString(), expected.PlanLetter.ToString(), expected.SampleSize, expected.Accept, expected.Reject, expected.InspectsWholeLot),
        ((string)plan["codeLetter"]!, (string)plan["planLetter"]!, (int)plan["sampleSize"]!, (int)plan["accept"]!, (int)plan["reject"]!, (bool)plan["inspectsWholeLot"]!));
}
