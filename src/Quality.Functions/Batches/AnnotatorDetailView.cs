using Quality.Domain.Audit;
using Quality.Domain.Audit.Tags;

namespace Quality.Functions.Batches;

/// <summary>
/// What <c>GET /api/batches/{id}/annotators/{annotatorId}</c> answers: one scorecard of the stored audit report and the
/// annotator's pairs in its spatial agreement (null when the batch has no boxes or cuboids of theirs), and their frame
/// tags against gold by field (null when the batch has no gold tags they were compared on). The function assembles it
/// as JSON from the reports; this names its shape for the API's description.
/// </summary>
internal sealed record AnnotatorDetailView(
    string Annotator, AnnotatorScoreView? Scorecard, IReadOnlyList<PairDetectionView>? Pairwise, IReadOnlyDictionary<string, TagScoreView>? Tags);
