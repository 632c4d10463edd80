namespace Quality.Domain.Findings;

/// <summary>The historical count of an error type (earlier deliveries pooled): <paramref name="Errors"/> out of <paramref name="Opportunities"/>.</summary>
public readonly record struct BaselineRate(long Errors, long Opportunities)
{
    /// <summary>Errors/Opportunities; NaN without opportunities.</summary>
    public double Rate => Opportunities > 0 ? (double)Errors / Opportunities : double.NaN;
}
