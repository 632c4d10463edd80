using Quality.Domain.Formats.Canonical;

namespace Quality.Domain.ModelLinkage;

/// <summary>
/// One model version's evaluation (docs/formats/model-evaluation.md): when and on what it was evaluated, its metrics
/// per class, and the training data it was trained on. Serialises with <see cref="Audit.ReportJson"/> as the JSON form.
/// </summary>
public sealed record ModelEvaluation
{
    public const string FormatName = "serverless-quality.model-evaluation";

    public string Format { get; init; } = FormatName;

    public int FormatVersion { get; init; } = 1;

    public required string Model { get; init; }

    public required string Version { get; init; }

    public required DateTimeOffset EvaluatedAt { get; init; }

    public required EvaluationSet EvaluationSet { get; init; }

    /// <summary>The taxonomy the class names are of, when the file names one: classes outside it are warned about.</summary>
    public TaxonomyReference? Taxonomy { get; init; }

    public required TrainingData TrainedOn { get; init; }

    /// <summary>Metrics by class, in the file's order.</summary>
    public required IReadOnlyDictionary<string, ClassMetrics> Classes { get; init; }
}

/// <summary>The data a model version was evaluated on: its name and how many frames (or samples) it holds.</summary>
public sealed record EvaluationSet(string Name, long Size);

/// <summary>
/// A class's evaluation figures, each in [0, 1] or absent; <see cref="Objects"/> is the number of evaluation objects of
/// the class (ground-truth instances), the denominator of recall, which gives recall its interval.
/// </summary>
public sealed record ClassMetrics(double? Ap, double? Recall, double? Precision, long? Objects)
{
    public double? Of(ModelMetric metric) => metric switch
    {
        ModelMetric.Ap => Ap,
        ModelMetric.Recall => Recall,
        _ => Precision,
    };
}
