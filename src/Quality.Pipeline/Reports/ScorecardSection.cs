using Quality.Domain.Audit;
using Quality.Pipeline.Reports.Charts;

namespace Quality.Pipeline.Reports;

/// <summary>Each annotator against gold: precision, recall and F1 with intervals, and a funnel plot of error rates against the pool.</summary>
public sealed record ScorecardSection(
    IReadOnlyDictionary<string, AnnotatorScoreView> Annotators, ScoreView? Overall, ChartFigure? Scores, ChartFigure? Funnel, string? Missing);
