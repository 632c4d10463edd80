namespace Quality.Functions.Sampling;

/// <summary>
/// The body of <c>POST /api/vendors/{vendor}/inspection?pipeline=</c>: <c>{"resume": true}</c> after corrective action on a
/// discontinued inspection, or <c>{"reducedInspectionApproved": true|false}</c> — the responsible authority's decision
/// that lets (or no longer lets) the switching score move the vendor to reduced inspection.
/// </summary>
internal sealed record InspectionChange(bool? Resume, bool? ReducedInspectionApproved);
