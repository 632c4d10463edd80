namespace Quality.Domain.ModelLinkage;

/// <summary>A per-class model metric a comparison or correlation is about.</summary>
public enum ModelMetric
{
    Recall,
    Ap,
    Precision,
}

/// <summary>The metrics' names as files, queries and the command line spell them.</summary>
public static class ModelMetrics
{
    public static IReadOnlyList<string> Names { get; } = ["recall", "ap", "precision"];

    public static string Name(ModelMetric metric) => metric switch
    {
        ModelMetric.Ap => "ap",
        ModelMetric.Recall => "recall",
        _ => "precision",
    };

    public static ModelMetric? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "recall" => ModelMetric.Recall,
        "ap" => ModelMetric.Ap,
        "precision" => ModelMetric.Precision,
        _ => null,
    };
}
