using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Activities;

public sealed class FinalizeLogTests
{
    [Fact]
    public async Task Finalize_UnderACommaDecimalCulture_LogsTheStatisticByNameWithAPoint()
    {
        using var culture = CommaDecimalCulture.Use();
        var logs = new CapturedLogs();
        await using var pipeline = await TestPipeline.StartAsync(logs: logs);

        var run = await pipeline.DeliverAndAuditAsync("v/a.jsonl", DeliveryGenerator.Generate(items: 30, seed: 1, deliveryId: "a"));

        var alpha = run.Metrics!.KrippendorffAlphaNominal;
        Assert.Contains(
            $"Run {run.Id} completed: 30 items; Krippendorff's alpha (nominal), lowest of any field: {Domain.Audit.ReportText.Figure(alpha)}",
            logs.Messages);
        Assert.Matches(@"field: -?\d\.\d{1,4}$", logs.Messages.Single(m => m.StartsWith($"Run {run.Id} completed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Finalize_NoFieldWithVariation_LogsUndefinedWithTheReasonNotNaN()
    {
        var logs = new CapturedLogs();
        await using var pipeline = await TestPipeline.StartAsync(logs: logs);
        var delivery = string.Join('\n',
            """{"format":"serverless-quality.canonical","version":1,"deliveryId":"same","pipeline":"test-pipeline","vendor":"v","taxonomy":{"name":"t","version":"1.0.0"},"dataTypes":["frame-tags"]}""",
            """{"item":"f1","annotator":"a","field":"weather","label":"clear"}""",
            """{"item":"f1","annotator":"b","field":"weather","label":"clear"}""") + "\n";

        var run = await pipeline.DeliverAndAuditAsync("v/same.jsonl", delivery);

        var completed = Assert.Single(logs.Messages, m => m.StartsWith($"Run {run.Id} completed", StringComparison.Ordinal));
        Assert.EndsWith("Krippendorff's alpha (nominal), lowest of any field: undefined (no field has a defined alpha)", completed, StringComparison.Ordinal);
    }
}
