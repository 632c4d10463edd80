using Quality.Domain.Audit;
using Quality.Domain.ModelLinkage;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.ModelLinkage;

public sealed class ModelEvaluationParserTests
{
    private const string Json = """
        {
          "model": "lidar-detector",
          "version": "v42",
          "evaluatedAt": "2026-11-16T09:00:00Z",
          "evaluationSet": {"name": "val", "size": 1200},
          "trainedOn": {"deliveries": ["d1"], "pipelines": [{"pipeline": "front", "from": "2026-11-01", "to": "2026-11-10"}]},
          "classes": {
            "car": {"ap": 0.85, "recall": 0.91, "precision": 0.9, "objects": 2400},
            "pedestrian": {"recall": 1.2, "objects": 412}
          }
        }
        """;

    private const string Csv = """
        model,version,evaluatedAt,evaluationSet,evaluationSetSize,trainedOn,class,ap,recall,precision,objects
        lidar-detector,v43,2026-11-23T09:00:00Z,val,1200,delivery:d1;pipeline:front@2026-11-01..,car,0.85,0.92,0.91,2400
        lidar-detector,v43,2026-11-23T09:00:00Z,val,1200,delivery:d1;pipeline:front@2026-11-01..,pedestrian,,0.74,,412
        """;

    [Fact]
    public void Parse_Json_ReadsEveryField()
    {
        var e = ModelEvaluationParser.Parse(Json.Replace("\"recall\": 1.2", "\"recall\": 0.78", StringComparison.Ordinal), "v42.json").Evaluation;

        Assert.Equal(("lidar-detector", "v42"), (e.Model, e.Version));
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero), e.EvaluatedAt);
        Assert.Equal(new EvaluationSet("val", 1200), e.EvaluationSet);
        Assert.Equal(["d1"], e.TrainedOn.Deliveries);
        Assert.Equal(new PipelineRange("front", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 10)), e.TrainedOn.Pipelines.Single());
        Assert.Equal(new ClassMetrics(0.85, 0.91, 0.9, 2400), e.Classes["car"]);
        Assert.Equal(new ClassMetrics(null, 0.78, null, 412), e.Classes["pedestrian"]);
    }

    /// <summary>"recall": 1.2 is on line 9 of the document (line 1 is the opening brace, line 8 the car).</summary>
    [Fact]
    public void Parse_JsonMetricAboveOne_NamesLineAndField()
    {
        var error = Assert.Throws<ModelEvaluationFormatException>(() => ModelEvaluationParser.Parse(Json, "v42.json"));

        Assert.Equal(("v42.json", 9L, "classes.pedestrian.recall"), (error.File, error.Line, error.Field));
        Assert.Contains("outside [0, 1]", error.Problem, StringComparison.Ordinal);
        Assert.StartsWith("v42.json line 9, field 'classes.pedestrian.recall': 1.2 is outside [0, 1]", error.Message, StringComparison.Ordinal);
    }

    /// <summary>In samples/model-linkage/v42.json each metric has its own line: pedestrian's recall is line 39.</summary>
    [Fact]
    public void Parse_JsonMetricOnItsOwnLine_NamesThatLine()
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "samples", "model-linkage", "v42.json"));
        Assert.Equal("      \"recall\": 0.78,", text.Split('\n')[38]);

        var error = Assert.Throws<ModelEvaluationFormatException>(() => ModelEvaluationParser.Parse(text.Replace("\"recall\": 0.78", "\"recall\": -0.1", StringComparison.Ordinal), "v42.json"));

        Assert.Equal((39L, "classes.pedestrian.recall"), (error.Line, error.Field));
    }

    [Fact]
    public void Parse_JsonSyntaxError_NamesTheLine()
    {
        var error = Assert.Throws<ModelEvaluationFormatException>(() => ModelEvaluationParser.Parse("{\n  \"model\": \"m\",\n  \"version\": v1\n}", "bad.json"));

        Assert.Equal(3, error.Line);
        Assert.Contains("is not JSON", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonRangeEndingBeforeItStarts_NamesThePipelineEntry()
    {
        var error = Assert.Throws<ModelEvaluationFormatException>(() => ModelEvaluationParser.Parse(
            Json.Replace("\"to\": \"2026-11-10\"", "\"to\": \"2026-10-10\"", StringComparison.Ordinal).Replace("1.2", "0.7", StringComparison.Ordinal), "v42.json"));

        Assert.Equal((6L, "trainedOn.pipelines[0]"), (error.Line, error.Field));
    }

    [Fact]
    public void Parse_JsonWithoutTrainingData_IsAnError()
    {
        var error = Assert.Throws<ModelEvaluationFormatException>(() => ModelEvaluationParser.Parse(
            Json.Replace("\"deliveries\": [\"d1\"], \"pipelines\": [{\"pipeline\": \"front\", \"from\": \"2026-11-01\", \"to\": \"2026-11-10\"}]", "", StringComparison.Ordinal)
                .Replace("1.2", "0.7", StringComparison.Ordinal), "v42.json"));

        Assert.Equal((6L, "trainedOn"), (error.Line, error.Field));
    }

    [Fact]
    public void Parse_Csv_ReadsTheSameShape()
    {
        var e = ModelEvaluationParser.Parse(Csv, "v43.csv").Evaluation;

        Assert.Equal(("lidar-detector", "v43"), (e.Model, e.Version));
        Assert.Equal(new PipelineRange("front", new DateOnly(2026, 11, 1), null), e.TrainedOn.Pipelines.Single());
        Assert.Equal(new ClassMetrics(null, 0.74, null, 412), e.Classes["pedestrian"]);
    }

    [Fact]
    public void Parse_CsvPercentage_NamesLineAndColumn()
    {
        var error = Assert.Throws<ModelEvaluationFormatException>(() => ModelEvaluationParser.Parse(Csv.Replace(",0.74,", ",74,", StringComparison.Ordinal), "v43.csv"));

        Assert.Equal(("v43.csv", 3L, "recall"), (error.File, error.Line, error.Field));
        Assert.Contains("not percentages", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CsvWithTwoVersions_NamesTheRowThatDiffers()
    {
        var lines = Csv.Split('\n');
        lines[2] = lines[2].Replace(",v43,", ",v44,", StringComparison.Ordinal);

        var error = Assert.Throws<ModelEvaluationFormatException>(() => ModelEvaluationParser.Parse(string.Join('\n', lines), "v43.csv"));

        Assert.Equal((3L, "version"), (error.Line, error.Field));
        Assert.Contains("line 2", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CsvUnknownColumn_NamesIt()
    {
        var error = Assert.Throws<ModelEvaluationFormatException>(() => ModelEvaluationParser.Parse(Csv.Replace(",objects", ",mAP50", StringComparison.Ordinal), "v43.csv"));

        Assert.Equal((1L, "mAP50"), (error.Line, error.Field));
    }

    [Fact]
    public void Parse_ClassOutsideTheTaxonomy_IsAWarningOnItsLine()
    {
        var parsed = ModelEvaluationParser.Parse(Csv, "v43.csv", ["car", "truck"]);

        var warning = Assert.Single(parsed.Warnings);
        Assert.Equal((3L, "class"), (warning.Line, warning.Field));
        Assert.Contains("'pedestrian' is not a class", warning.Problem, StringComparison.Ordinal);
        Assert.Equal(2, parsed.Evaluation.Classes.Count);
    }

    /// <summary>The stored form is ReportJson's; reading it back gives the same document, so storage can compare texts.</summary>
    [Fact]
    public void Parse_WhatReportJsonWrites_RoundTrips()
    {
        var first = ModelEvaluationParser.Parse(Csv, "v43.csv").Evaluation;
        var json = ReportJson.Serialize(first, indented: true);

        Assert.Equal(json, ReportJson.Serialize(ModelEvaluationParser.Parse(json, "stored.json").Evaluation, indented: true));
    }

    /// <summary>The sample's files read as what samples/model-linkage/README.md says of them.</summary>
    [Fact]
    public void Parse_Samples_AreValidAgainstTheirTaxonomy()
    {
        var folder = Path.Combine(Repository.Root, "samples", "model-linkage");
        foreach (var file in new[] { "v40.json", "v41.json", "v42.json", "v43.csv", "v44.json" })
        {
            var parsed = ModelEvaluationParser.Parse(File.ReadAllText(Path.Combine(folder, file)), file, ["car", "truck", "pedestrian", "cyclist", "bus"]);
            Assert.Empty(parsed.Warnings);
            Assert.Equal("lidar-detector", parsed.Evaluation.Model);
        }
    }
}
