namespace Quality.Domain.Findings;

/// <summary>What an <see cref="ErrorType"/> counts.</summary>
public enum ErrorKind
{
    /// <summary>A reference object of one class labeled as another class.</summary>
    Confusion,

    /// <summary>A reference object not labeled at all.</summary>
    Miss,

    /// <summary>A label that breaks a taxonomy rule (unknown class, deprecated class, implausible geometry).</summary>
    TaxonomyRule,

    /// <summary>A frame tag the gold key has, given another value or left untagged.</summary>
    Tag,
}
