using Quality.Domain.Audit;

namespace Quality.Functions.Batches;

/// <summary>
/// What <c>GET /api/batches/{id}/annotators/{annotatorId}</c> answers: one scorecard of the stored audit report and the
/// annotator's pairs in its spatial agreement. The function assembles it as JSON from the report; this names its shape
/// for the API's description.
/// </summary>
internal sealed record AnnotatorDetailView(string Annotator, AnnotatorScoreView Scorecard, IReadOnlyList<PairDetectionView> Pairwise);
