using System.Security.Cryptography;
using System.Text;

namespace Quality.Domain.Findings;

/// <summary>A durable finding: what was found in which pipeline, the evidence of its latest sighting, and its history.</summary>
/// <remarks>
/// Identity is <see cref="Key"/> (pipeline, kind, error type and, for an individual error, its one annotator); <see cref="Id"/>
/// is the first 16 bytes of SHA-256 of the key as 32 lowercase hex digits, so a finding seen again in a later delivery
/// updates the stored one instead of adding another (<see cref="Update"/>). Serialises with System.Text.Json as is.
/// </remarks>
public sealed record Finding
{
    /// <summary>At most this many batch ids are kept, the most recent.</summary>
    public const int MaxBatches = 50;

    public required string Pipeline { get; init; }

    public required FindingKind Kind { get; init; }

    /// <summary>The <see cref="ErrorType.Key"/> the finding is about.</summary>
    public required string ErrorTypeKey { get; init; }

    public required FindingSeverity Severity { get; init; }

    public IReadOnlyList<string> Classes { get; init; } = [];

    /// <summary>The annotator concerned (an individual error: one finding per annotator); empty otherwise.</summary>
    public IReadOnlyList<string> Annotators { get; init; } = [];

    /// <summary>The figures of the latest sighting.</summary>
    public IReadOnlyList<FindingEvidence> Evidence { get; init; } = [];

    /// <summary>The batches the finding was seen in, oldest first, at most <see cref="MaxBatches"/>.</summary>
    public IReadOnlyList<string> Batches { get; init; } = [];

    public required string Statement { get; init; }

    public required string Action { get; init; }

    public required DateTimeOffset FirstSeen { get; init; }

    public required DateTimeOffset LastSeen { get; init; }

    public FindingStatus Status { get; init; } = FindingStatus.Open;

    /// <summary>How many distinct batches it was seen in.</summary>
    public int Occurrences { get; init; } = 1;

    /// <summary>
    /// The identity: <c>{pipeline}|{kind}|{error type key}</c>, plus <c>|{annotator}</c> for an individual error — what the
    /// finding measures, so an annotator's series is not restarted by whoever else happened to be flagged in a delivery.
    /// </summary>
    public string Key => Kind == FindingKind.IndividualError
        ? $"{Pipeline}|{Kind}|{ErrorTypeKey}|{string.Join(',', Annotators)}"
        : $"{Pipeline}|{Kind}|{ErrorTypeKey}";

    /// <summary>32 lowercase hex digits derived from <see cref="Key"/>.</summary>
    public string Id => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key)).AsSpan(0, 16));

    /// <summary>
    /// Merges a new sighting of the same finding: first seen and status are kept (Resolved reopens as Open), last seen,
    /// severity, evidence, statement and action come from the later sighting, batches are united and occurrences count
    /// the new batches. A sighting whose batches are all known changes nothing (idempotent redelivery).
    /// </summary>
    public Finding Update(Finding seenAgain)
    {
        ArgumentNullException.ThrowIfNull(seenAgain);
        if (seenAgain.Key != Key)
        {
            throw new ArgumentException($"Finding {seenAgain.Key} cannot update {Key}.", nameof(seenAgain));
        }

        string[] fresh = [.. seenAgain.Batches.Distinct().Where(b => !Batches.Contains(b))];
        if (fresh.Length == 0)
        {
            return this;
        }

        var latest = seenAgain.LastSeen >= LastSeen ? seenAgain : this;
        return latest with
        {
            FirstSeen = FirstSeen <= seenAgain.FirstSeen ? FirstSeen : seenAgain.FirstSeen,
            LastSeen = latest.LastSeen,
            Status = Status == FindingStatus.Resolved ? FindingStatus.Open : Status,
            Batches = [.. Batches.Concat(fresh).TakeLast(MaxBatches)],
            Occurrences = Occurrences + fresh.Length,
        };
    }

    /// <summary>
    /// The findings a verdict raises in <paramref name="batchId"/>: one for a system error, one per flagged annotator for an
    /// individual error, none for None and InsufficientEvidence.
    /// </summary>
    public static IReadOnlyList<Finding> FromVerdict(
        string pipeline, string batchId, DateTimeOffset seenAt, ErrorSourceVerdict verdict, IReadOnlySet<string>? safetyRelevantClasses = null) =>
        FindingFactory.FromVerdict(pipeline, batchId, seenAt, verdict, safetyRelevantClasses);

    /// <summary>The <c>structural</c> finding a system concentration raises in <paramref name="batchId"/>; null for any other source.</summary>
    public static Finding? FromConcentration(
        string pipeline, string batchId, DateTimeOffset seenAt, RootCauses.Concentration concentration, IReadOnlySet<string>? safetyRelevantClasses = null) =>
        FindingFactory.FromConcentration(pipeline, batchId, seenAt, concentration, safetyRelevantClasses);

    /// <summary>The finding a trend raises in its current batch; null unless the CUSUM signals there.</summary>
    public static Finding? FromConfusionTrend(
        string pipeline, DateTimeOffset seenAt, ConfusionTrendResult trend, IReadOnlySet<string>? safetyRelevantClasses = null) =>
        FindingFactory.FromConfusionTrend(pipeline, seenAt, trend, safetyRelevantClasses);
}
