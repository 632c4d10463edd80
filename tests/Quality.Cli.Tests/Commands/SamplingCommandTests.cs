using System.Text.Json;

namespace Quality.Cli.Tests.Commands;

/// <summary><c>quality sampling plan|size|demonstrate</c>, in process (statistics-vectors.md §7.2, §8.1).</summary>
public sealed class SamplingCommandTests
{
    [Theory]
    [InlineData("1500", "1.0", "K", "K", 125, 3, 4)]
    [InlineData("1500", "2.5", "K", "K", 125, 7, 8)]
    [InlineData("100", "1.0", "F", "E", 13, 0, 1)]
    public async Task Plan_Json_GivesTheTableIIAPlan(string lot, string aql, string codeLetter, string planLetter, int n, int accept, int reject)
    {
        var run = await CliRun.InvokeAsync("sampling", "plan", "--lot", lot, "--aql", aql, "--level", "II", "--json");

        Assert.Equal((ExitCodes.Success, ""), (run.ExitCode, run.Error));
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(codeLetter, root.GetProperty("codeLetter").GetString());
        Assert.Equal(planLetter, root.GetProperty("planLetter").GetString());
        Assert.Equal((n, accept, reject), (root.GetProperty("sampleSize").GetInt32(), root.GetProperty("accept").GetInt32(), root.GetProperty("reject").GetInt32()));
    }

    [Fact]
    public async Task Plan_Text_NamesTheArrow()
    {
        var run = await CliRun.InvokeAsync("sampling", "plan", "--lot", "100", "--aql", "1.0");

        Assert.Equal(
            "lot 100, AQL 1, level II, normal inspection: code letter F (arrow to the plan of E), sample 13, accept 0, reject 1" + Environment.NewLine,
            run.Output);
    }

    [Fact]
    public async Task Plan_Tightened_UsesTableIIB()
    {
        var run = await CliRun.InvokeAsync("sampling", "plan", "--lot", "2000", "--aql", "0.65", "--inspection", "tightened", "--json");

        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(("K", 125, 1, 2), (json.RootElement.GetProperty("codeLetter").GetString(), json.RootElement.GetProperty("sampleSize").GetInt32(),
            json.RootElement.GetProperty("accept").GetInt32(), json.RootElement.GetProperty("reject").GetInt32()));
    }

    [Theory]
    [InlineData("--lot 1: ", "--lot", "1", "--aql", "1.0")]
    [InlineData("--aql 0.7: ", "--lot", "100", "--aql", "0.7")]
    [InlineData("--level IV: ", "--lot", "100", "--aql", "1.0", "--level", "IV")]
    [InlineData("--inspection strict: ", "--lot", "100", "--aql", "1.0", "--inspection", "strict")]
    public async Task Plan_BadArgument_NamesTheOptionAndExits2(string message, params string[] args)
    {
        var run = await CliRun.InvokeAsync(["sampling", "plan", .. args]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Size_Margin5Confidence95_Is385RoundedUp()
    {
        var run = await CliRun.InvokeAsync("sampling", "size", "--margin", "0.05", "--confidence", "0.95", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal((385, "cochran"), (json.RootElement.GetProperty("sampleSize").GetInt32(), json.RootElement.GetProperty("method").GetString()));
    }

    [Fact]
    public async Task Size_WithPopulation_AppliesTheCorrection()
    {
        var run = await CliRun.InvokeAsync("sampling", "size", "--margin", "0.05", "--population", "528");

        Assert.StartsWith("sample size 223 (Cochran: n0 = 384.15, N = 528", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--margin", "0")]
    [InlineData("--confidence", "1")]
    [InlineData("--expected-rate", "1.5")]
    public async Task Size_BadArgument_NamesTheOptionAndExits2(string option, string value)
    {
        var args = option == "--margin" ? new[] { "sampling", "size", option, value } : ["sampling", "size", "--margin", "0.05", option, value];

        var run = await CliRun.InvokeAsync(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith($"{option} {value}: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demonstrate_ZeroFailuresAt1Percent_Is299()
    {
        var run = await CliRun.InvokeAsync("sampling", "demonstrate", "--limit", "0.01", "--confidence", "0.95", "--json");

        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal((299, "binomial"), (json.RootElement.GetProperty("sampleSize").GetInt32(), json.RootElement.GetProperty("method").GetString()));
    }

    [Fact]
    public async Task Demonstrate_TooManyFailuresForTheLot_Exits2()
    {
        var run = await CliRun.InvokeAsync("sampling", "demonstrate", "--limit", "0.01", "--failures", "1", "--population", "100");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("--failures 1: ", run.Error, StringComparison.Ordinal);
    }
}
