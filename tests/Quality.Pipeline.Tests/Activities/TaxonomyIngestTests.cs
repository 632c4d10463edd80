using Quality.Pipeline.Runs;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Activities;

/// <summary>Ingest and the delivery's taxonomy when a pipeline requires every delivery to be checked.</summary>
public sealed class TaxonomyIngestTests
{
    [Fact]
    public async Task RequireRegisteredTaxonomy_Unregistered_RejectedNamingIt()
    {
        await using var pipeline = await TestPipeline.StartAsync(new Dictionary<string, string?> { ["Pipeline:RequireRegisteredTaxonomy"] = "true" });

        var runId = await pipeline.DeliverAsync("scenes/acme/d-1.jsonl", DeliveryGenerator.Generate(items: 5, seed: 3));
        var run = await pipeline.AuditAsync(runId);

        Assert.Equal(RunStatus.Rejected, run.Status);
        Assert.Equal("scenes/acme/d-1.jsonl line 1, field 'taxonomy': driving-scenes@1.0.0 is not registered, and this pipeline audits only against registered taxonomies; register it (PUT /api/taxonomies/driving-scenes/1.0.0) and deliver again", run.Reason);
    }
}
