using System.Text.Json;
using Quality.Domain.Findings;

namespace Quality.Domain.Tests.Findings;

public sealed class FindingTests
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);

    internal static Finding Sighting(string batch, DateTimeOffset seenAt, string statement = "s") => new()
    {
        Pipeline = "lidar",
        Kind = FindingKind.SystemError,
        ErrorTypeKey = "confusion:Wheelchair>Pedestrian",
        Severity = FindingSeverity.High,
        Classes = ["Wheelchair", "Pedestrian"],
        Batches = [batch],
        Statement = statement,
        Action = "a",
        FirstSeen = seenAt,
        LastSeen = seenAt,
    };

    [Fact]
    public void Id_IsFirst16BytesOfSha256OfKey()
    {
        // SHA-256("lidar|SystemError|confusion:Wheelchair>Pedestrian"), first 16 bytes; computed independently with sha256sum.
        var finding = Sighting("b1", Monday);

        Assert.Equal("lidar|SystemError|confusion:Wheelchair>Pedestrian", finding.Key);
        Assert.Equal(FindingIdOfKey, finding.Id);
        Assert.Matches("^[0-9a-f]{32}$", finding.Id);
        Assert.Equal(finding.Id, Sighting("b2", Monday.AddDays(1), "other").Id);
    }

    [Fact]
    public void Update_NewBatch_KeepsFirstSeenTakesLatestAndCounts()
    {
        var merged = FindingBook.Merge(Sighting("b1", Monday), Sighting("b2", Monday.AddDays(1), "later"));

        Assert.Equal(Monday, merged.FirstSeen);
        Assert.Equal(Monday.AddDays(1), merged.LastSeen);
        Assert.Equal("later", merged.Statement);
        Assert.Equal(["b1", "b2"], merged.Batches);
        Assert.Equal(2, merged.Occurrences);
    }

    [Fact]
    public void Update_SameBatchTwice_ChangesNothing()
    {
        var once = FindingBook.Merge(Sighting("b1", Monday), Sighting("b2", Monday.AddDays(1)));
        var twice = FindingBook.Merge(once, Sighting("b2", Monday.AddDays(2), "re-run"));

        Assert.Same(once, twice);
    }

    [Fact]
    public void Update_ResolvedSeenAgain_Reopens_AcknowledgedStays()
    {
        var resolved = Sighting("b1", Monday) with { Status = FindingStatus.Resolved };
        var acknowledged = Sighting("b1", Monday) with { Status = FindingStatus.Acknowledged };

        Assert.Equal(FindingStatus.Open, resolved.Update(Sighting("b2", Monday.AddDays(1))).Status);
        Assert.Equal(FindingStatus.Acknowledged, acknowledged.Update(Sighting("b2", Monday.AddDays(1))).Status);
    }

    [Fact]
    public void Update_ManyBatches_KeepsTheLastFifty()
    {
        var finding = Sighting("b0", Monday);
        for (var i = 1; i < 60; i++)
        {
            finding = finding.Update(Sighting($"b{i}", Monday.AddDays(i)));
        }

        Assert.Equal(Finding.MaxBatches, finding.Batches.Count);
        Assert.Equal("b59", finding.Batches[^1]);
        Assert.Equal(60, finding.Occurrences);
    }

    [Fact]
    public void Update_DifferentKey_Throws() =>
        Assert.Throws<ArgumentException>(() => Sighting("b1", Monday).Update(Sighting("b2", Monday) with { Pipeline = "camera" }));

    [Fact]
    public void FromVerdict_SystemErrorOnSafetyClass_CriticalWithEvidenceAndRoundTripsThroughJson()
    {
        var observation = new ErrorObservation(
            ErrorType.Confusion("Wheelchair", "Pedestrian"),
            [.. "abcde".Select(c => new AnnotatorErrors(c.ToString(), 8, 100))],
            new BaselineRate(50, 5000));
        var verdict = ErrorSourceAnalysis.Analyze([observation]).Single();

        var finding = Finding.FromVerdict("lidar", "b1", Monday, verdict, new HashSet<string> { "Wheelchair" }).Single();
        var json = JsonSerializer.Serialize(finding);
        var back = JsonSerializer.Deserialize<Finding>(json)!;

        Assert.Equal(FindingKind.SystemError, finding.Kind);
        Assert.Equal(FindingSeverity.Critical, finding.Severity); // ratio 8 ≥ 5 → Critical already
        Assert.Contains(finding.Evidence, e => e.Name == "homogeneity.p" && e.Value is > 0.05);
        Assert.Contains("\"Kind\":\"SystemError\"", json, StringComparison.Ordinal);
        Assert.Equal(finding.Id, back.Id);
        Assert.Equal(json, JsonSerializer.Serialize(back));
    }

    [Fact]
    public void FromVerdict_None_NoFinding()
    {
        var observation = new ErrorObservation(ErrorType.Miss("Car"), [new("a", 1, 100), new("b", 1, 100)], new BaselineRate(100, 10_000));

        Assert.Empty(Finding.FromVerdict("lidar", "b1", Monday, ErrorSourceAnalysis.Analyze([observation]).Single()));
    }

    [Fact]
    public void FromVerdict_SecondAnnotatorFlaggedLater_FirstAnnotatorsSeriesContinues()
    {
        // Delivery 1: b alone far above the others; delivery 2: b again, and e (new to the pipeline) too. An individual
        // error is a series per annotator and error type: b's finding is seen twice, e's once. Keyed by the set of
        // flagged annotators, b's series restarted as "b,e" and b's first finding never saw delivery 2.
        var pair = ErrorType.Confusion("Wheelchair", "Pedestrian");
        var first = ErrorSourceAnalysis.Analyze([new ErrorObservation(pair,
            [new("a", 1, 100), new("b", 20, 100), new("c", 1, 100), new("d", 0, 100)], new BaselineRate(50, 5000))]).Single();
        var second = ErrorSourceAnalysis.Analyze([new ErrorObservation(pair,
            [new("a", 1, 100), new("b", 20, 100), new("c", 0, 100), new("d", 1, 100), new("e", 20, 100), new("f", 0, 100), new("g", 1, 100)],
            new BaselineRate(72, 5400))]).Single();
        Assert.Equal(["b"], first.FlaggedAnnotators);
        Assert.Equal(["b", "e"], second.FlaggedAnnotators);

        var book = FindingBook.Merge(
            FindingBook.Merge([], Finding.FromVerdict("lidar", "d1", Monday, first)),
            Finding.FromVerdict("lidar", "d2", Monday.AddDays(1), second));

        Assert.Equal(2, book.Count);
        var b = book.Single(f => f.Annotators.SequenceEqual(["b"]));
        Assert.Equal("lidar|IndividualError|confusion:Wheelchair>Pedestrian|b", b.Key);
        Assert.Equal("ce700073cab2561a3e2029c2453f2db2", b.Id); // SHA-256 of the key, first 16 bytes, by sha256sum
        Assert.Equal(["d1", "d2"], b.Batches);
        Assert.Equal(2, b.Occurrences);
        var e = book.Single(f => f.Annotators.SequenceEqual(["e"]));
        Assert.Equal(["d2"], e.Batches);
        Assert.Equal(["annotator.e.rate"], e.Evidence.Where(x => x.Name.StartsWith("annotator.", StringComparison.Ordinal)).Select(x => x.Name));
    }

    private const string FindingIdOfKey = "a65897fda98a6481eecf6a70c0242ab2";
}
