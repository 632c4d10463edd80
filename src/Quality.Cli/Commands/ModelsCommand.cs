using System.CommandLine;
using Quality.Domain.Audit;
using Quality.Domain.ModelLinkage;

namespace Quality.Cli.Commands;

/// <summary>
/// <c>quality models compare FROM TO --audits DIR</c> and <c>quality models correlate FILE… --audits DIR</c>: model
/// evaluations (docs/formats/model-evaluation.md) against the label quality of their training deliveries, with the
/// domain code the API uses (<see cref="VersionComparer"/>, <see cref="ModelCorrelator"/>).
/// </summary>
internal static class ModelsCommand
{
    public static Command Create() => new("models", "Relate model evaluations to the label quality of the data each version was trained on.")
    {
        Compare(),
        Correlate(),
    };

    private static Command Compare()
    {
        var from = new Argument<FileInfo>("from") { Description = "The earlier version's evaluation (JSON or CSV)." };
        var to = new Argument<FileInfo>("to") { Description = "The later version's evaluation (JSON or CSV)." };
        var (audits, metric, taxonomy, json) = Options();
        var html = new Option<FileInfo>("--html") { Description = "Also write the comparison as one self-contained HTML page (as GET /api/models/{model}/compare/report)." };
        var command = new Command("compare", "Per class, the metric change beside the label errors of the training deliveries added between two versions, ranked by how well label quality explains a drop.")
        {
            from, to, audits, metric, taxonomy, json, html,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = parse.InvocationConfiguration;
            var classes = await ClassesAsync(parse.GetValue(taxonomy), console, cancellationToken);
            if (classes is { Valid: false }
                || await LoadAsync(parse.GetRequiredValue(from), classes.Names, console, cancellationToken) is not { } a
                || await LoadAsync(parse.GetRequiredValue(to), classes.Names, console, cancellationToken) is not { } b
                || await LocalTrainingAudits.ReadAsync(parse.GetRequiredValue(audits), console.Error, cancellationToken) is not { } deliveries)
            {
                return ExitCodes.BadInput;
            }

            if (a.Model != b.Model)
            {
                await console.Error.WriteLineAsync($"{parse.GetRequiredValue(to).Name}, field 'model': '{b.Model}' is not the model of {parse.GetRequiredValue(from).Name} ('{a.Model}'); compare versions of one model");
                return ExitCodes.BadInput;
            }

            var comparison = VersionComparer.Compare(a, b, deliveries, ModelMetrics.Parse(parse.GetValue(metric))!.Value);
            if (parse.GetValue(html) is { } page)
            {
                await File.WriteAllTextAsync(page.FullName, Quality.Pipeline.ModelLinkage.ComparisonReportPage.Render(comparison), cancellationToken);
            }

            await console.Output.WriteLineAsync(parse.GetValue(json) ? PrintedJson.Serialize(comparison) : ModelTables.Comparison(comparison));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Correlate()
    {
        var files = new Argument<FileInfo[]>("evaluations") { Description = "The evaluations of a model's versions (JSON or CSV), in any order.", Arity = ArgumentArity.OneOrMore };
        var (audits, metric, taxonomy, json) = Options();
        var command = new Command("correlate", "Per class, the correlation across versions between the training labels' error rate and the model metric (an association, not a cause).")
        {
            files, audits, metric, taxonomy, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = parse.InvocationConfiguration;
            var classes = await ClassesAsync(parse.GetValue(taxonomy), console, cancellationToken);
            if (!classes.Valid)
            {
                return ExitCodes.BadInput;
            }

            var evaluations = new List<ModelEvaluation>();
            foreach (var file in parse.GetRequiredValue(files))
            {
                if (await LoadAsync(file, classes.Names, console, cancellationToken) is not { } evaluation)
                {
                    return ExitCodes.BadInput;
                }

                if (evaluations.Count > 0 && evaluation.Model != evaluations[0].Model)
                {
                    await console.Error.WriteLineAsync($"{file.Name}, field 'model': '{evaluation.Model}' is not '{evaluations[0].Model}'; correlate versions of one model");
                    return ExitCodes.BadInput;
                }

                evaluations.Add(evaluation);
            }

            if (await LocalTrainingAudits.ReadAsync(parse.GetRequiredValue(audits), console.Error, cancellationToken) is not { } deliveries)
            {
                return ExitCodes.BadInput;
            }

            var correlation = ModelCorrelator.Correlate(evaluations, deliveries, ModelMetrics.Parse(parse.GetValue(metric))!.Value);
            await console.Output.WriteLineAsync(parse.GetValue(json) ? PrintedJson.Serialize(correlation) : ModelTables.Correlation(correlation));
            return ExitCodes.Success;
        });
        return command;
    }

    private static (Option<DirectoryInfo> Audits, Option<string> Metric, Option<FileInfo> Taxonomy, Option<bool> Json) Options()
    {
        var audits = new Option<DirectoryInfo>("--audits")
        {
            Description = "A folder of `quality audit --json` outputs (*.json), one per training delivery the versions name.",
            Required = true,
        };
        var metric = new Option<string>("--metric") { Description = "The metric whose drop is explained: recall (default), ap or precision.", DefaultValueFactory = _ => "recall" };
        metric.AcceptOnlyFromAmong([.. ModelMetrics.Names]);
        var taxonomy = new Option<FileInfo>("--taxonomy") { Description = "A taxonomy YAML file: warn of evaluated classes it does not have." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON (the API's shape)." };
        return (audits, metric, taxonomy, json);
    }

    private static async Task<ModelEvaluation?> LoadAsync(FileInfo file, IReadOnlyCollection<string>? classes, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await console.Error.WriteLineAsync($"{file.FullName}: no such file");
            return null;
        }

        try
        {
            var parsed = ModelEvaluationParser.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken), file.Name, classes);
            foreach (var warning in parsed.Warnings)
            {
                await console.Error.WriteLineAsync("warning: " + warning.Message);
            }

            return parsed.Evaluation;
        }
        catch (ModelEvaluationFormatException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return null;
        }
    }

    private static async Task<(bool Valid, IReadOnlyCollection<string>? Names)> ClassesAsync(FileInfo? taxonomy, InvocationConfiguration console, CancellationToken cancellationToken) =>
        taxonomy is null ? (true, null)
        : await TaxonomyCommand.LoadAsync(taxonomy, console, cancellationToken) is { } t ? (true, [.. t.Classes.Select(c => c.Name)])
        : (false, null);
}
