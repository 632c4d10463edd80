using System.CommandLine;
using System.Globalization;
using Quality.Domain.Audit;
using Quality.Domain.Formats;
using Quality.Domain.Spc;
using Quality.Domain.Spc.Series;

namespace Quality.Cli.Commands;

/// <summary>
/// <c>quality spc &lt;series.csv&gt; --chart p|laney-p|u|laney-u|imr|ewma|cusum [--baseline N] [--rules we|nelson|none] …
/// [--json]</c>: chart a series of deliveries offline with <see cref="SeriesChart"/>, as the API charts a stored one.
/// </summary>
internal static class SpcCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("series") { Description = "A CSV with a header: count,n (p, u, Laney) or value (imr, ewma, cusum); optional label, phase and cause (an assignable cause found for the delivery: Phase I drops an out-of-control baseline point only when it has one)." };
        var chart = new Option<string>("--chart") { Description = "The chart: " + string.Join(", ", ChartKinds.All) + ".", Required = true };
        chart.AcceptOnlyFromAmong([.. ChartKinds.All]);
        var baseline = new Option<int?>("--baseline") { Description = "Baseline (Phase I) length of each phase; later points are Phase II. Default: all points." };
        var minimum = new Option<int?>("--min-baseline") { Description = "Points a phase needs before it has limits (default 8, capped at --baseline)." };
        var rules = new Option<string>("--rules") { Description = "Run rules besides the limits: we (default), nelson, none.", DefaultValueFactory = _ => "we" };
        rules.AcceptOnlyFromAmong([.. RuleSets.All]);
        var lambda = new Option<double?>("--lambda") { Description = "EWMA weight λ in (0, 1] (default 0.2)." };
        var width = new Option<double?>("--width") { Description = "EWMA limit width L in σ of the statistic (default 3)." };
        var k = new Option<double?>("--k") { Description = "CUSUM reference value k in σ (default 0.5)." };
        var h = new Option<double?>("--h") { Description = "CUSUM decision interval h in σ (default 5)." };
        var target = new Option<double?>("--target") { Description = "Known centre μ₀ of imr, ewma, cusum (default: the baseline mean)." };
        var sigma = new Option<double?>("--sigma") { Description = "Known σ of imr, ewma, cusum (default: MR̄/1.128 of the baseline)." };
        var json = new Option<bool>("--json") { Description = "Print the chart as JSON." };
        var command = new Command("spc", "Chart a series of deliveries (SPC): Phase I limits per phase, signals, warm-up.")
        {
            file, chart, baseline, minimum, rules, lambda, width, k, h, target, sigma, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var defaults = new SeriesChartOptions { Chart = ChartKinds.Parse(parse.GetRequiredValue(chart)) };
            var ewma = new EwmaOptions();
            var cusum = new SeriesCusumOptions();
            var options = defaults with
            {
                Rules = RuleSets.Parse(parse.GetValue(rules) ?? "we"),
                MinimumBaseline = parse.GetValue(minimum) ?? defaults.MinimumBaseline,
                Target = parse.GetValue(target),
                Sigma = parse.GetValue(sigma),
                Ewma = ewma with { Lambda = parse.GetValue(lambda) ?? ewma.Lambda, L = parse.GetValue(width) ?? ewma.L },
                Cusum = cusum with { K = parse.GetValue(k) ?? cusum.K, H = parse.GetValue(h) ?? cusum.H },
            };
            return RunAsync(parse.GetRequiredValue(file), options, parse.GetValue(baseline), parse.GetValue(json), parse.InvocationConfiguration, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        FileInfo file, SeriesChartOptions options, int? baseline, bool json, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await console.Error.WriteLineAsync($"{file.FullName}: no such file");
            return ExitCodes.BadInput;
        }

        IReadOnlyList<SeriesPoint> points;
        try
        {
            await using var stream = file.OpenRead();
            points = await SeriesCsvReader.ReadAsync(stream, file.Name, options.Chart, cancellationToken);
        }
        catch (Exception e) when (e is DeliveryFormatException or IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync(e is DeliveryFormatException ? e.Message : $"{file.FullName}: {e.Message}");
            return ExitCodes.BadInput;
        }

        SeriesChartResult result;
        try
        {
            result = SeriesChart.Compute(points, options with { BaselineLength = baseline ?? Math.Max(points.Count, 1) });
        }
        catch (ArgumentException e)
        {
            // The series is valid (the reader checked it): what is left are out-of-range options (--baseline 0, --lambda 2, --sigma -1).
            await console.Error.WriteLineAsync($"{file.Name}: cannot chart with these options: {e.Message}");
            return ExitCodes.BadInput;
        }

        if (json)
        {
            await console.Output.WriteLineAsync(PrintedJson.Serialize(SpcReport.From(result, options.Rules)));
        }
        else
        {
            await SpcTable.WriteAsync(console.Output, file.Name, result);
        }

        return ExitCodes.Success;
    }
}
