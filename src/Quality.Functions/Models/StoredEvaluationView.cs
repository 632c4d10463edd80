using Quality.Domain.ModelLinkage;

namespace Quality.Functions.Models;

/// <summary>The answer to storing an evaluation: the evaluation as stored (JSON whatever form it came in) and what is worth a look.</summary>
/// <param name="Warnings">Classes the named taxonomy does not have, or that the taxonomy is not registered so none were checked.</param>
internal sealed record StoredEvaluationView(ModelEvaluation Evaluation, IReadOnlyList<string> Warnings);
