namespace Quality.Pipeline.Tests;

/// <summary>ARCHITECTURE §3: Functions → Pipeline → Domain, and the domain references no Azure or I/O package.</summary>
public sealed class DependencyDirectionTests
{
    [Fact]
    public void Domain_ReferencesNoAzureAndNoOtherLayer()
    {
        var references = typeof(Quality.Domain.Audit.BatchAudit).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("Azure", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Quality.", StringComparison.Ordinal));
    }

    [Fact]
    public void Pipeline_DoesNotReferenceTheHost()
    {
        var references = typeof(PipelineOptions).Assembly.GetReferencedAssemblies().Select(a => a.Name!);

        Assert.DoesNotContain("Quality.Functions", references);
        Assert.DoesNotContain("quality", references);
        Assert.Contains("Quality.Domain", references);
    }
}
