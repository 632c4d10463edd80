namespace Quality.Domain.Sampling;

/// <summary>The single sampling plan of the lot under its inspection state (<see cref="SamplingPlan"/> with the standard's names).</summary>
/// <param name="Level">As the standard prints it: <c>I</c>, <c>II</c>, <c>III</c>, <c>S-1</c> … <c>S-4</c>.</param>
/// <param name="Inspection"><c>normal</c>, <c>tightened</c> or <c>reduced</c>.</param>
public sealed record AuditPlan(
    double Aql, string Level, string Inspection, string CodeLetter, string PlanLetter, int SampleSize, int Accept, int Reject, bool InspectsWholeLot)
{
    public static AuditPlan From(SamplingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new AuditPlan(plan.Aql, InspectionLevelNames.Name(plan.Level), InspectionLevelNames.Name(plan.Severity),
            plan.CodeLetter.ToString(), plan.PlanLetter.ToString(), plan.SampleSize, plan.Accept, plan.Reject, plan.InspectsWholeLot);
    }
}
