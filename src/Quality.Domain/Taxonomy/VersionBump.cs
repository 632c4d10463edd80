namespace Quality.Domain.Taxonomy;

/// <summary>How far a version moved, or how far a change requires it to move; ordered so a larger bump compares greater.</summary>
public enum VersionBump
{
    /// <summary>The second version is lower than the first.</summary>
    Downgrade = -1,

    /// <summary>Same version (or, as a requirement, nothing changed).</summary>
    None = 0,

    /// <summary>Wording only: descriptions.</summary>
    Patch = 1,

    /// <summary>Backward compatible: what was valid stays valid (additions, widening, deprecation).</summary>
    Minor = 2,

    /// <summary>Breaking: something that was valid becomes invalid or means something else.</summary>
    Major = 3,
}
