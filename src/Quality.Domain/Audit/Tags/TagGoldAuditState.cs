namespace Quality.Domain.Audit.Tags;

/// <summary>Persisted form of a <see cref="TagGoldAudit"/> partial: its nonzero cells.</summary>
public sealed record TagGoldAuditState(IReadOnlyList<TagGoldCellState> Cells);

/// <summary>Gold items of <paramref name="Field"/> with gold value <paramref name="Gold"/> that <paramref name="Annotator"/> tagged <paramref name="Tagged"/> (null: missing).</summary>
public sealed record TagGoldCellState(string Field, string Annotator, string Gold, string? Tagged, long Count);
