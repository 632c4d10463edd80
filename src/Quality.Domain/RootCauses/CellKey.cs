namespace Quality.Domain.RootCauses;

/// <summary>A cell of the drill-down: an error kind and one level of one stratum, or (an interaction) one level of each of two.</summary>
internal readonly record struct CellKey(string Kind, string Stratum, string Level, string? Other = null, string? OtherLevel = null)
{
    /// <summary>The table the cell belongs to: the kind and its stratum or strata pair.</summary>
    public (string Kind, string Stratum, string? Other) Table => (Kind, Stratum, Other);
}
