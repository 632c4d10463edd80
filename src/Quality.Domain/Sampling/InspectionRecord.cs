namespace Quality.Domain.Sampling;

/// <summary>One lot in an <see cref="InspectionState"/>'s history: how it was inspected, what was found, what followed.</summary>
/// <param name="Lot">1-based number of the lot in the sequence.</param>
/// <param name="SwitchingScore">The score after this lot (normal inspection only; 0 otherwise).</param>
/// <param name="Switch">The rule that changed the severity after this lot, or null when it stayed.</param>
public sealed record InspectionRecord(
    int Lot,
    InspectionSeverity Severity,
    int Nonconforming,
    int Accept,
    int Reject,
    bool Accepted,
    int SwitchingScore,
    InspectionSeverity NextSeverity,
    bool Discontinued,
    string? Switch);
