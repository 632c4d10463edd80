using System.Text;
using System.Text.Json;
using Quality.Domain.Formats.Canonical;

namespace Quality.Domain.ModelLinkage;

/// <summary>The JSON form: one object, as <see cref="Audit.ReportJson"/> writes a <see cref="ModelEvaluation"/> (docs/formats/model-evaluation.md).</summary>
internal static class ModelEvaluationJsonReader
{
    public static (ModelEvaluation Evaluation, IReadOnlyDictionary<string, long> ClassLines) Read(string text, string file)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var fields = new EvaluationFields(file);
        JsonLineMap lines;
        JsonDocument document;
        try
        {
            lines = JsonLineMap.Of(utf8);
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException ex)
        {
            throw fields.Error((ex.LineNumber ?? -1) + 1, ex.Path is { Length: > 2 } p ? p.TrimStart('$', '.') : null, "is not JSON: " + ex.Message.Split(" Path:")[0]);
        }

        using (document)
        {
            var root = document.RootElement;
            var read = new Reader(fields, lines);
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw fields.Error(1, null, "a model evaluation is one JSON object");
            }

            if (read.OptionalString(root, "format") is { } format && format != ModelEvaluation.FormatName)
            {
                throw fields.Error(lines.Line("format"), "format", $"'{format}' is not {ModelEvaluation.FormatName}");
            }

            if (Reader.Optional(root, "formatVersion") is { } formatVersion && !(formatVersion.TryGetInt32(out var v) && v == 1))
            {
                throw fields.Error(lines.Line("formatVersion"), "formatVersion", $"{formatVersion} is not a version this reader knows (1)");
            }

            var set = read.Required(root, "evaluationSet", JsonValueKind.Object);
            var classes = read.Required(root, "classes", JsonValueKind.Object);
            var metrics = new Dictionary<string, ClassMetrics>(StringComparer.Ordinal);
            var classLines = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var member in classes.EnumerateObject())
            {
                var path = "classes." + member.Name;
                var line = lines.Line(path);
                if (member.Name.Length == 0)
                {
                    throw fields.Error(line, path, "a class has a name");
                }

                if (member.Value.ValueKind != JsonValueKind.Object)
                {
                    throw fields.Error(line, path, "is an object of ap, recall, precision and objects");
                }

                if (!metrics.TryAdd(member.Name, EvaluationFields.Checked(
                    new ClassMetrics(read.Number(member.Value, path, "ap"), read.Number(member.Value, path, "recall"), read.Number(member.Value, path, "precision"), read.Count(member.Value, path, "objects")),
                    fields, field => lines.Line(field.TrimEnd('.')), path + ".")))
                {
                    throw fields.Error(line, path, $"class '{member.Name}' is listed twice");
                }

                classLines[member.Name] = line;
            }

            if (metrics.Count == 0)
            {
                throw fields.Error(lines.Line("classes"), "classes", "lists no class; an evaluation has metrics for at least one");
            }

            var evaluation = new ModelEvaluation
            {
                Model = fields.Name(read.String(root, "model"), lines.Line("model"), "model"),
                Version = fields.Name(read.String(root, "version"), lines.Line("version"), "version"),
                EvaluatedAt = fields.Time(read.String(root, "evaluatedAt"), lines.Line("evaluatedAt"), "evaluatedAt"),
                EvaluationSet = new EvaluationSet(
                    read.String(set, "evaluationSet.name") ?? throw fields.Error(lines.Line("evaluationSet"), "evaluationSet.name", "is required"),
                    fields.Size(read.Count(set, "evaluationSet", "size") ?? throw fields.Error(lines.Line("evaluationSet"), "evaluationSet.size", "is required"),
                        lines.Line("evaluationSet.size"), "evaluationSet.size")),
                Taxonomy = Reader.Optional(root, "taxonomy") is { } taxonomy ? read.Taxonomy(taxonomy) : null,
                TrainedOn = read.Training(read.Required(root, "trainedOn", JsonValueKind.Object)),
                Classes = metrics,
            };
            return (evaluation, classLines);
        }
    }

    /// <summary>Values by path, each error placed by the line map.</summary>
    private sealed class Reader(EvaluationFields fields, JsonLineMap lines)
    {
        public static JsonElement? Optional(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

        public JsonElement Required(JsonElement parent, string name, JsonValueKind kind) =>
            Optional(parent, name) is not { } value ? throw fields.Error(1, name, "is required")
            : value.ValueKind == kind ? value
            : throw fields.Error(lines.Line(name), name, $"is {Kind(value.ValueKind)}; expected {Kind(kind)}");

        public string? OptionalString(JsonElement parent, string path) => Optional(parent, Last(path)) is { } value
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw fields.Error(lines.Line(path), path, $"is {Kind(value.ValueKind)}; expected a string")
            : null;

        public string? String(JsonElement parent, string path) =>
            OptionalString(parent, path) ?? throw fields.Error(lines.Line(path), path, "is required");

        public double? Number(JsonElement parent, string prefix, string name) => Optional(parent, name) is { } value
            ? value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw fields.Error(lines.Line($"{prefix}.{name}"), $"{prefix}.{name}", $"is {Kind(value.ValueKind)}; expected a number in [0, 1]")
            : null;

        public long? Count(JsonElement parent, string prefix, string name) => Optional(parent, name) is { } value
            ? value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : throw fields.Error(lines.Line($"{prefix}.{name}"), $"{prefix}.{name}", $"{value} is not a whole number")
            : null;

        public TaxonomyReference Taxonomy(JsonElement value) => value.ValueKind == JsonValueKind.Object
            ? new TaxonomyReference(String(value, "taxonomy.name")!, String(value, "taxonomy.version")!)
            : throw fields.Error(lines.Line("taxonomy"), "taxonomy", "is {\"name\": …, \"version\": …}, as a delivery header names its taxonomy");

        public TrainingData Training(JsonElement trainedOn)
        {
            var deliveries = new List<string>();
            if (Optional(trainedOn, "deliveries") is { } ids)
            {
                var i = 0;
                foreach (var id in Array(ids, "trainedOn.deliveries"))
                {
                    var path = $"trainedOn.deliveries[{i++}]";
                    deliveries.Add(fields.Name(id.ValueKind == JsonValueKind.String ? id.GetString() : null, lines.Line(path), path));
                }
            }

            var pipelines = new List<PipelineRange>();
            if (Optional(trainedOn, "pipelines") is { } ranges)
            {
                var i = 0;
                foreach (var range in Array(ranges, "trainedOn.pipelines"))
                {
                    var path = $"trainedOn.pipelines[{i++}]";
                    if (range.ValueKind != JsonValueKind.Object)
                    {
                        throw fields.Error(lines.Line(path), path, "is {\"pipeline\": …, \"from\": \"YYYY-MM-DD\", \"to\": \"YYYY-MM-DD\"}");
                    }

                    pipelines.Add(fields.Range(String(range, path + ".pipeline")!,
                        fields.Day(OptionalString(range, path + ".from"), lines.Line(path + ".from"), path + ".from"),
                        fields.Day(OptionalString(range, path + ".to"), lines.Line(path + ".to"), path + ".to"), lines.Line(path), path));
                }
            }

            return fields.Training(deliveries, pipelines, lines.Line("trainedOn"), "trainedOn");
        }

        private JsonElement.ArrayEnumerator Array(JsonElement value, string path) => value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw fields.Error(lines.Line(path), path, $"is {Kind(value.ValueKind)}; expected an array");

        private static string Last(string path) => path[(path.LastIndexOf('.') + 1)..];

        private static string Kind(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };
    }
}
