namespace Quality.Functions.Standards;

/// <summary>The answer of <c>GET /api/standards</c>: every published version, by pipeline then version.</summary>
internal sealed record StandardListView(IReadOnlyList<StandardEntryView> Standards);
