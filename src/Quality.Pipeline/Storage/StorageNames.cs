namespace Quality.Pipeline.Storage;

/// <summary>
/// Every container and table name in one place (ARCHITECTURE §4). The app has no queues of its own: Durable's queues,
/// tables and containers belong to its task hub.
/// </summary>
public sealed class StorageNames
{
    private readonly string _dash;

    public StorageNames(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > 0 && !prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
        {
            throw new ArgumentException("A storage prefix is lowercase letters and digits only.", nameof(prefix));
        }

        var dash = prefix.Length > 0 ? prefix + "-" : "";
        _dash = dash;
        Incoming = dash + "incoming";
        Work = dash + "work";
        Reports = dash + "reports";
        Quarantine = dash + "quarantine";
        Taxonomies = dash + "taxonomies";
        Standards = dash + "standards";
        Models = dash + "models";
        Runs = "t" + prefix + "runs";
        Batches = "t" + prefix + "batches";
        Rollups = "t" + prefix + "rollups";
        Series = "t" + prefix + "series";
        Findings = "t" + prefix + "findings";
        Inspection = "t" + prefix + "inspection";
        AuditLog = "t" + prefix + "auditlog";
        if (prefix.Length == 0)
        {
            (Runs, Batches, Rollups, Series, Findings, Inspection, AuditLog) = ("runs", "batches", "rollups", "series", "findings", "inspection", "auditlog");
        }
    }

    public string Incoming { get; }

    public string Work { get; }

    public string Reports { get; }

    public string Quarantine { get; }

    /// <summary>Registered taxonomy documents, <c>{name}/{version}.yaml</c>; a version once stored never changes.</summary>
    public string Taxonomies { get; }

    /// <summary>Quality standards, <c>{pipeline}/{version}.yaml</c>; a version once stored never changes.</summary>
    public string Standards { get; }

    /// <summary>Model evaluations, <c>{model}/{version}.json</c>; a version once stored never changes.</summary>
    public string Models { get; }

    public string Runs { get; }

    public string Batches { get; }

    public string Rollups { get; }

    /// <summary>Monitored figures per (pipeline, metric, class, vendor) in delivery order, and each batch's error counts.</summary>
    public string Series { get; }

    /// <summary>Findings per pipeline: system and individual errors, rising confusions, process signals.</summary>
    public string Findings { get; }

    /// <summary>Each vendor's acceptance-sampling state per pipeline and the lots it decided.</summary>
    public string Inspection { get; }

    /// <summary>A container's name with this pipeline's prefix: how a trigger's <c>incoming/{name}</c> finds the prefixed container.</summary>
    public string Prefixed(string container) => _dash + container;

    /// <summary>Every change made through the API: who, when, what.</summary>
    public string AuditLog { get; }

    public IReadOnlyList<string> Containers => [Incoming, Work, Reports, Quarantine, Taxonomies, Standards, Models];

    public IReadOnlyList<string> Tables => [Runs, Batches, Rollups, Series, Findings, Inspection, AuditLog];
}
