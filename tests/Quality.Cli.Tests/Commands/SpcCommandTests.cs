using System.Globalization;
using System.Text.Json;
using Quality.Tests.Shared;

namespace Quality.Cli.Tests.Commands;

/// <summary><c>quality spc</c> in process, on the §6 reference series written as CSV.</summary>
public sealed class SpcCommandTests
{
    private static string Attribute(IReadOnlyList<double> counts, double n) =>
        "label,count,n\n" + string.Concat(counts.Select((c, i) => Invariant($"s{i + 1},{c},{n}\n")));

    private static string Values(IReadOnlyList<double> values) => "value\n" + string.Concat(values.Select(v => Invariant($"{v}\n")));

    [Fact]
    public async Task P_OrangeJuice_Json_HasQccCenterLimitsAndSignals()
    {
        using var json = await RunJsonAsync(Attribute(SpcData.OrangeJuiceCounts, 50), "--chart", "p");
        var root = json.RootElement;

        Assert.Equal("p", root.GetProperty("chart").GetString());
        Assert.Equal(0.2313333, root.GetProperty("center").GetDouble(), 5e-8);
        var points = root.GetProperty("points");
        Assert.Equal(30, points.GetArrayLength());
        Assert.Equal((1, "s1", ""), (points[0].GetProperty("index").GetInt32(), points[0].GetProperty("label").GetString(), points[0].GetProperty("phase").GetString()));
        Assert.Equal(0.4102391, points[0].GetProperty("ucl").GetDouble(), 5e-8);
        Assert.Equal(0.05242755, points[0].GetProperty("lcl").GetDouble(), 5e-9);
        Assert.Equal(0.24, points[0].GetProperty("value").GetDouble(), 1e-12);
        var beyond = root.GetProperty("signals").EnumerateArray()
            .Where(s => s.GetProperty("rule").GetString() == "beyondLimits")
            .Select(s => s.GetProperty("points")[0].GetInt32());
        Assert.Equal([15, 23], beyond);
        Assert.Equal("phaseI", root.GetProperty("status").GetString());
        Assert.Empty(root.GetProperty("phases")[0].GetProperty("excluded").EnumerateArray()); // no cause column: nothing to exclude
        Assert.Equal([15, 23], root.GetProperty("phases")[0].GetProperty("retained").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task P_OrangeJuiceWithCauseColumn_Json_IsMontgomerysRevisedChart()
    {
        // Montgomery's Example 7.1: causes for samples 15 and 23, none for 21 → revised p̄ 0.215 (qcc: LCL 0.04070284,
        // UCL 0.3892972), 15 and 23 excluded, 21 retained.
        var csv = "label,count,n,cause\n" + string.Concat(SpcData.OrangeJuiceCounts.Select((c, i) => Invariant(
            $"s{i + 1},{c},50,{(i + 1) switch { 15 => "new batch of cardboard", 23 => "\"operator, inexperienced\"", _ => "" }}\n")));
        using var json = await RunJsonAsync(csv, "--chart", "p");
        var root = json.RootElement;
        var phase = root.GetProperty("phases")[0];

        Assert.Equal(0.215, phase.GetProperty("center").GetDouble(), 1e-12);
        Assert.Equal([15, 23], phase.GetProperty("excluded").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([21], phase.GetProperty("retained").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("operator, inexperienced", root.GetProperty("points")[22].GetProperty("cause").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("points")[20].GetProperty("cause").ValueKind);
    }

    [Fact]
    public async Task Ewma_Nist_Json_ReproducesStatisticAndLimits()
    {
        using var json = await RunJsonAsync(Values(SpcData.NistEwma), "--chart", "ewma", "--lambda", "0.3", "--width", "3", "--target", "50", "--sigma", "2.0539");
        var last = json.RootElement.GetProperty("points")[19];

        Assert.Equal(51.99, last.GetProperty("value").GetDouble(), 0.005 + 1e-9);
        Assert.Equal(52.5884, last.GetProperty("ucl").GetDouble(), 5e-5);
        Assert.Equal(0, json.RootElement.GetProperty("signals").GetArrayLength());
    }

    [Fact]
    public async Task Cusum_Nist_Json_HasBothSumsAndFirstSignalAtFourteen()
    {
        var h = (4.1959 / 0.635).ToString("R", CultureInfo.InvariantCulture);
        using var json = await RunJsonAsync(Values(SpcData.NistCusum), "--chart", "cusum", "--target", "325", "--sigma", "0.635", "--k", "0.5", "--h", h);
        var root = json.RootElement;
        var points = root.GetProperty("points");

        Assert.Equal(4.1959, root.GetProperty("h").GetDouble(), 1e-9);
        Assert.Equal(4.94, points[13].GetProperty("cusumUpper").GetDouble(), 0.005 + 1e-9);
        Assert.Equal(0.71, points[7].GetProperty("cusumLower").GetDouble(), 0.005 + 1e-9);
        Assert.Equal(JsonValueKind.Null, points[0].GetProperty("ucl").ValueKind);
        var first = root.GetProperty("signals")[0];
        Assert.Equal(("cusumUpper", 14), (first.GetProperty("rule").GetString(), first.GetProperty("points")[0].GetInt32()));
    }

    [Fact]
    public async Task LaneyP_OrangeJuice_Json_HasSigmaZAndDispersionNote()
    {
        using var json = await RunJsonAsync(Attribute(SpcData.OrangeJuiceCounts, 50), "--chart", "laney-p", "--rules", "none");
        var root = json.RootElement;

        Assert.Equal(1.660867, root.GetProperty("sigmaZ").GetDouble(), 5e-7);
        Assert.Equal("overdispersed", root.GetProperty("dispersion").GetString());
        Assert.StartsWith("σZ = 1.661: ", root.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, root.GetProperty("signals").GetArrayLength());
    }

    [Fact]
    public async Task Imr_PhasesAndBaseline_Json_WritesNullNeverNaN()
    {
        var csv = "phase,value\na,1\na,3\na,2\na,20\nb,5\nb,6\n";
        var run = await RunAsync(csv, "--chart", "imr", "--baseline", "3", "--json");

        Assert.Equal((ExitCodes.Success, ""), (run.ExitCode, run.Error));
        Assert.DoesNotContain("NaN", run.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("warmingUp", root.GetProperty("status").GetString());
        Assert.Equal("warming up: 2 of 3 deliveries needed since phase 'b' began", root.GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("center").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("points")[0].GetProperty("movingRange").ValueKind);
        Assert.Equal(4, root.GetProperty("signals")[0].GetProperty("points")[0].GetInt32());
        Assert.Equal("phaseII", root.GetProperty("phases")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task P_OrangeJuice_Text_PrintsTableAndSignals()
    {
        var run = await RunAsync(Attribute(SpcData.OrangeJuiceCounts, 50), "--chart", "p", "--rules", "none");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Output.Split(Environment.NewLine);
        Assert.StartsWith("series-", lines[0], StringComparison.Ordinal);
        Assert.Contains(": p chart, 30 points, 1 phases; phase I: limits from 30 baseline deliveries", lines[0], StringComparison.Ordinal);
        Assert.Contains("  point  label         value       lcl         center      ucl         flags", lines);
        Assert.Contains("; baseline points 15, 23 out of control with no assignable cause, retained", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("     15  s15           0.44        0.052428    0.231333    0.410239    B*!", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("     21  s21", StringComparison.Ordinal) && l.EndsWith('B'));
        Assert.Contains("  beyondLimits: points 23", lines);
    }

    [Theory]
    [InlineData("", "p", "{0}: is empty")]
    [InlineData("count\n1\n", "p", "{0} line 1, field 'n': missing column")]
    [InlineData("label,value\nb1,1\nb2,abc\n", "imr", "{0} line 3, field 'value': 'abc' is not a finite number")]
    [InlineData("count,n\n3,50\n51,50\n", "p", "{0} line 3, field 'count': 51 exceeds n = 50")]
    [InlineData("count,n\n3,0\n", "u", "{0} line 2, field 'n': 0 must be greater than 0")]
    [InlineData("count,n\n", "laney-u", "{0}: has a header but no rows")]
    public async Task BadCsv_NamesFileLineAndColumnAndExits2(string csv, string chart, string message)
    {
        var path = await WriteAsync(csv);
        try
        {
            var run = await CliRun.InvokeAsync("spc", path, "--chart", chart);

            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            Assert.StartsWith(string.Format(CultureInfo.InvariantCulture, message, Path.GetFileName(path)), run.Error, StringComparison.Ordinal);
            Assert.Equal("", run.Output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task BadOption_Exits2WithTheReason()
    {
        var run = await RunAsync(Values(SpcData.NistEwma), "--chart", "ewma", "--lambda", "2");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Lambda must be in (0, 1]", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFile_Exits2()
    {
        var run = await CliRun.InvokeAsync("spc", "no-such-series.csv", "--chart", "p");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("no such file", run.Error, StringComparison.Ordinal);
    }

    private static async Task<JsonDocument> RunJsonAsync(string csv, params string[] args)
    {
        var run = await RunAsync(csv, [.. args, "--json"]);
        Assert.Equal((ExitCodes.Success, ""), (run.ExitCode, run.Error));
        return JsonDocument.Parse(run.Output);
    }

    private static async Task<CliRun> RunAsync(string csv, params string[] args)
    {
        var path = await WriteAsync(csv);
        try
        {
            return await CliRun.InvokeAsync(["spc", path, .. args]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<string> WriteAsync(string csv)
    {
        var path = Path.Combine(Path.GetTempPath(), $"series-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv);
        return path;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
