namespace Quality.Domain.Findings;

/// <summary>Where an error type's errors come from, as <see cref="ErrorSourceAnalysis"/> judges it.</summary>
public enum ErrorSource
{
    /// <summary>Nothing to report: no elevation, annotators alike.</summary>
    None,

    /// <summary>Elevated against history and spread over the annotators: guideline, taxonomy, tool or data.</summary>
    SystemError,

    /// <summary>Concentrated in a minority of annotators, named in the verdict.</summary>
    IndividualError,

    /// <summary>Too few opportunities or annotators, or suggestive but not significant after multiplicity control.</summary>
    InsufficientEvidence,
}
