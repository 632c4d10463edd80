using Quality.Domain.Findings;

namespace Quality.Pipeline.Reports;

/// <summary>The findings section: each finding the batch raised, with who acts — a person, or the guideline, taxonomy or tool.</summary>
internal static class FindingPart
{
    public static FindingSection Build(BatchReportSources sources)
    {
        if (sources.Findings is not { } findings)
        {
            return new FindingSection([], [], sources.Missing.GetValueOrDefault("findings")
                ?? "No findings analysis: the batch names no pipeline, so it has no history to be judged against.");
        }

        var blocks = findings.Findings.Select(f => new FindingBlock(
            Kind(f.Kind), f.Severity.ToString().ToLowerInvariant(), f.Status.ToString().ToLowerInvariant(), f.ErrorTypeKey, f.Annotators, f.Statement, f.Action,
            Remedy(f), f.Evidence, f.Occurrences)).ToList();
        var missing = blocks.Count == 0 && findings.ErrorTypes.Count == 0
            ? "No findings: the batch had no error of any type against gold or the taxonomy."
            : null;
        return new FindingSection(blocks, findings.ErrorTypes, missing);
    }

    public static string Kind(FindingKind kind) => kind switch
    {
        FindingKind.SystemError => "system error",
        FindingKind.IndividualError => "individual error",
        FindingKind.SystematicConfusion => "rising confusion",
        FindingKind.Structural => "structural",
        _ => "process signal",
    };

    /// <summary>Who acts on a finding: an individual error is a person's to fix, the rest are the process's.</summary>
    public static string Remedy(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Kind switch
        {
            FindingKind.IndividualError => $"Retrain {string.Join(", ", finding.Annotators)}",
            FindingKind.SystemError => "Fix the guideline, taxonomy or tool",
            FindingKind.SystematicConfusion => "Fix the guideline or taxonomy for this class pair",
            FindingKind.Structural => "Fix the guideline, tool or data where the errors concentrate",
            _ => "Investigate what changed in the process",
        };
    }
}
