namespace Quality.Domain.ModelLinkage;

/// <summary>A model evaluation as read, with what is worth a look but did not stop it being read.</summary>
public sealed record ParsedModelEvaluation(ModelEvaluation Evaluation, IReadOnlyList<EvaluationWarning> Warnings);
