namespace Quality.Functions.Access;

/// <summary>How callers are identified.</summary>
internal enum AccessMode
{
    /// <summary>Every caller is a local admin. Only outside Azure: the app refuses to start so in an App Service.</summary>
    Open,

    /// <summary>Callers are App Service Authentication's principals, with the app roles they were granted.</summary>
    Roles,
}
