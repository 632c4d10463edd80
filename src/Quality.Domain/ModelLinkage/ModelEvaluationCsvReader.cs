using System.Globalization;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Csv;

namespace Quality.Domain.ModelLinkage;

/// <summary>
/// The CSV form: a header row, then one row per class. The columns that describe the version (model … trainedOn) hold
/// the same value on every row; <c>trainedOn</c> lists <c>delivery:ID</c>, <c>pipeline:NAME</c> and
/// <c>pipeline:NAME@FROM..TO</c> items separated by <c>;</c> (docs/formats/model-evaluation.md).
/// </summary>
internal static class ModelEvaluationCsvReader
{
    private static readonly string[] Required = ["model", "version", "evaluatedAt", "evaluationSet", "evaluationSetSize", "trainedOn", "class"];
    private static readonly string[] Metrics = ["ap", "recall", "precision"];
    private static readonly string[] VersionColumns = ["model", "version", "evaluatedAt", "evaluationSet", "evaluationSetSize", "taxonomy", "trainedOn"];

    public static (ModelEvaluation Evaluation, IReadOnlyDictionary<string, long> ClassLines) Read(string text, string file)
    {
        var fields = new EvaluationFields(file);
        var rows = text.Split('\n').Select((line, i) => (Line: (long)i + 1, Text: line.TrimEnd('\r'))).Where(r => r.Text.Trim().Length > 0).ToList();
        if (rows.Count == 0)
        {
            throw fields.Error(0, null, "is empty; a model evaluation is a JSON object or a CSV table with a header row");
        }

        var (headerLine, headerText) = rows[0];
        var separator = Cells(() => CsvCells.SeparatorOf(headerText.TrimStart('\uFEFF'), file, headerLine), fields);
        var header = Cells(() => CsvCells.Split(headerText.TrimStart('\uFEFF'), separator, file, headerLine, _ => null), fields).Select(h => h.Trim()).ToList();
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var known = Required.Concat(Metrics).Concat(["objects", "taxonomy"]).FirstOrDefault(c => c.Equals(header[i], StringComparison.OrdinalIgnoreCase))
                ?? throw fields.Error(headerLine, header[i], $"is not a column of a model evaluation; the columns are {string.Join(", ", Required.Concat(Metrics).Concat(["objects", "taxonomy"]))}");
            if (!column.TryAdd(known, i))
            {
                throw fields.Error(headerLine, header[i], "is a column twice");
            }
        }

        if (Required.FirstOrDefault(c => !column.ContainsKey(c)) is { } missing)
        {
            throw fields.Error(headerLine, missing, "the header has no such column, and it is required");
        }

        if (rows.Count == 1)
        {
            throw fields.Error(headerLine, null, "has a header and no class rows; an evaluation has metrics for at least one class");
        }

        var first = new Dictionary<string, (string Value, long Line)>(StringComparer.Ordinal);
        var metrics = new Dictionary<string, ClassMetrics>(StringComparer.Ordinal);
        var classLines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (line, rowText) in rows.Skip(1))
        {
            var cells = Cells(() => CsvCells.Split(rowText, separator, file, line, i => i < header.Count ? header[i] : null), fields);
            if (CsvCells.IsEmptyRow(cells))
            {
                continue;
            }

            if (cells.Count != header.Count)
            {
                throw fields.Error(line, null, $"has {cells.Count} cells; the header has {header.Count}");
            }

            string? Cell(string name) => column.TryGetValue(name, out var i) && cells[i].Trim() is { Length: > 0 } value ? value : null;
            foreach (var name in VersionColumns.Where(column.ContainsKey))
            {
                var value = Cell(name) ?? "";
                if (!first.TryAdd(name, (value, line)) && first[name].Value != value)
                {
                    throw fields.Error(line, name, $"'{value}' differs from line {first[name].Line}'s '{first[name].Value}'; a file holds one model version");
                }
            }

            var objectClass = Cell("class") ?? throw fields.Error(line, "class", "is required");
            var parsed = EvaluationFields.Checked(new ClassMetrics(Number(Cell("ap"), line, "ap", fields), Number(Cell("recall"), line, "recall", fields),
                Number(Cell("precision"), line, "precision", fields), Count(Cell("objects"), line, "objects", fields)), fields, _ => line, "");
            if (!metrics.TryAdd(objectClass, parsed))
            {
                throw fields.Error(line, "class", $"'{objectClass}' is on line {classLines[objectClass]} already; one row per class");
            }

            classLines[objectClass] = line;
        }

        string Value(string name) => first[name].Value;
        long LineOf(string name) => first[name].Line;
        var evaluation = new ModelEvaluation
        {
            Model = fields.Name(Value("model"), LineOf("model"), "model"),
            Version = fields.Name(Value("version"), LineOf("version"), "version"),
            EvaluatedAt = fields.Time(Value("evaluatedAt"), LineOf("evaluatedAt"), "evaluatedAt"),
            EvaluationSet = new EvaluationSet(
                Value("evaluationSet") is { Length: > 0 } set ? set : throw fields.Error(LineOf("evaluationSet"), "evaluationSet", "is required"),
                fields.Size(Count(Value("evaluationSetSize"), LineOf("evaluationSetSize"), "evaluationSetSize", fields) ?? 0, LineOf("evaluationSetSize"), "evaluationSetSize")),
            Taxonomy = first.TryGetValue("taxonomy", out var taxonomy) && taxonomy.Value.Length > 0 ? Taxonomy(taxonomy.Value, taxonomy.Line, fields) : null,
            TrainedOn = Training(Value("trainedOn"), LineOf("trainedOn"), fields),
            Classes = metrics,
        };
        return (evaluation, classLines);
    }

    private static TrainingData Training(string text, long line, EvaluationFields fields)
    {
        var deliveries = new List<string>();
        var pipelines = new List<PipelineRange>();
        foreach (var item in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (item.StartsWith("delivery:", StringComparison.Ordinal))
            {
                deliveries.Add(fields.Name(item["delivery:".Length..], line, "trainedOn"));
            }
            else if (item.StartsWith("pipeline:", StringComparison.Ordinal))
            {
                var (name, range) = item["pipeline:".Length..].Split('@', 2) is [var n, var r] ? (n, r) : (item["pipeline:".Length..], null);
                if (range is null)
                {
                    pipelines.Add(fields.Range(name, null, null, line, "trainedOn"));
                    continue;
                }

                var bounds = range.Split("..");
                if (bounds.Length != 2)
                {
                    throw fields.Error(line, "trainedOn", $"'{item}': a range is pipeline:NAME@FROM..TO (either day may be left out)");
                }

                pipelines.Add(fields.Range(name, fields.Day(bounds[0].Length > 0 ? bounds[0] : null, line, "trainedOn"), fields.Day(bounds[1].Length > 0 ? bounds[1] : null, line, "trainedOn"), line, "trainedOn"));
            }
            else
            {
                throw fields.Error(line, "trainedOn", $"'{item}' is neither delivery:ID nor pipeline:NAME[@FROM..TO]");
            }
        }

        return fields.Training(deliveries, pipelines, line, "trainedOn");
    }

    private static TaxonomyReference Taxonomy(string text, long line, EvaluationFields fields)
    {
        try
        {
            return TaxonomyReference.Parse(text);
        }
        catch (FormatException)
        {
            throw fields.Error(line, "taxonomy", $"'{text}' is not name@version");
        }
    }

    private static double? Number(string? text, long line, string field, EvaluationFields fields) =>
        text is null ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : throw fields.Error(line, field, $"'{text}' is not a number (a '.' decimal point, in [0, 1])");

    private static long? Count(string? text, long line, string field, EvaluationFields fields) =>
        text is null ? null
        : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw fields.Error(line, field, $"'{text}' is not a whole number");

    /// <summary>The shared CSV splitter's errors, worded for a model evaluation file.</summary>
    private static T Cells<T>(Func<T> split, EvaluationFields fields)
    {
        try
        {
            return split();
        }
        catch (DeliveryFormatException ex)
        {
            throw fields.Error(ex.Line, ex.Field, ex.Problem);
        }
    }
}
