namespace Quality.LocalHost.Catalog;

/// <summary>The triggers the dev host emulates; a function with any other trigger stops it at start.</summary>
internal enum TriggerKind
{
    Http,
    Blob,
    Timer,
    Orchestration,
    Activity,
}
