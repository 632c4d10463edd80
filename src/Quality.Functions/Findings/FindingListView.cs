using Quality.Domain.Findings;

namespace Quality.Functions.Findings;

/// <summary>The answer of <c>GET /api/findings</c>.</summary>
internal sealed record FindingListView(IReadOnlyList<Finding> Findings);
