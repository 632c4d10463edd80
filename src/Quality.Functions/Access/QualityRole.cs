namespace Quality.Functions.Access;

/// <summary>
/// Who may do what, each role including the ones below it. The app roles of the app registration are
/// <c>quality.reader</c>, <c>quality.reviewer</c> and <c>quality.admin</c> (<see cref="QualityRoles"/>).
/// </summary>
internal enum QualityRole
{
    /// <summary>No principal needed: health and the API's description.</summary>
    Anonymous,

    /// <summary>Every read.</summary>
    Reader,

    /// <summary>Reads, plus what reviewers change: finding status, deliveries (reviews among them).</summary>
    Reviewer,

    /// <summary>Everything, including standards, taxonomies, inspection overrides and recomputations.</summary>
    Admin,
}
