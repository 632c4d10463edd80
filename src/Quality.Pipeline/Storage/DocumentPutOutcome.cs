namespace Quality.Pipeline.Storage;

/// <summary>What storing a versioned document did: stored it, found the same text already there, or found a different one.</summary>
public enum DocumentPutOutcome
{
    Created,
    Unchanged,
    Conflict,
}
