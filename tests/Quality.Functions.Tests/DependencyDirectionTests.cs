namespace Quality.Functions.Tests;

/// <summary>
/// ARCHITECTURE §3: LocalHost → Functions → Pipeline → Domain. What Azure runs references nothing of the dev host: not
/// the dev host itself, nor the Durable engine's storage provider, which is the Functions host's in Azure.
/// </summary>
public sealed class DependencyDirectionTests
{
    [Theory]
    [InlineData(typeof(FunctionsServiceCollectionExtensions))]
    [InlineData(typeof(Pipeline.PipelineOptions))]
    public void AppAssemblies_DoNotReferenceTheDevHostOrTheEngine(Type inAssembly)
    {
        var references = inAssembly.Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain("Quality.LocalHost", references);
        Assert.DoesNotContain(references, r => r.StartsWith("DurableTask.", StringComparison.Ordinal));
        Assert.DoesNotContain("Cronos", references);
    }

    [Fact]
    public void Functions_ReferencesThePipelineAndTheWorker()
    {
        var references = typeof(FunctionsServiceCollectionExtensions).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Quality.Pipeline", references);
        Assert.Contains("Microsoft.Azure.Functions.Worker.Core", references);
        Assert.Contains("Microsoft.DurableTask.Abstractions", references);
    }
}
