namespace Quality.Domain.Standards;

/// <summary>
/// A batch's verdict under one standard version (<see cref="Standard"/> = <c>name@version</c>): the outcome, one reason
/// per rule in the standard's order, the open findings counted, and a one-line <see cref="Summary"/>. Serialises with
/// System.Text.Json as it is (enums as names, undefined figures as null).
/// </summary>
public sealed record Verdict(VerdictOutcome Outcome, string Standard, IReadOnlyList<VerdictReason> Reasons)
{
    /// <summary>Open findings the batch raised (each makes the outcome at best <see cref="VerdictOutcome.AcceptedWithFindings"/>).</summary>
    public int OpenFindings { get; init; }

    public required string Summary { get; init; }
}
