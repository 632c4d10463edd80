using Quality.Domain.Audit;
using Quality.Domain.RootCauses;

namespace Quality.Domain.Tests.RootCauses;

public sealed class SpilledEvidenceCollectionTests
{
    [Fact]
    public void Enumerate_RowsOfEveryShape_ReadBackFieldForFieldInOrder()
    {
        var rows = new List<EvidencePair>
        {
            new("f-1", "cuboid", "misclassified", "gold", "g-1", "ann-01", "a-1", "car", "truck", 0.7123456789012345,
                new Dictionary<string, string?[]>(StringComparer.Ordinal) { ["occlusion"] = ["1", null], ["visibility"] = ["3", "4"] })
            {
                Strata = new ObjectStrata(new Dictionary<string, string> { ["class"] = "car", ["range"] = "20–40 m" }) { RangeMetres = 23.5, Size = double.Epsilon },
            },
            new("f-1", "box", "missed", "gold", null, "ann-02", null, "car", null, null, null),
            new("f-2", "cuboid", "extra", null, null, "ann-01", "a-9", null, "truck", null, null) { Strata = new ObjectStrata(new Dictionary<string, string>()) },
        };
        rows.AddRange(new GeneratedDelivery { Items = 20 }.Evidence(seed: 3));
        using var spilled = new SpilledEvidenceCollection(new MemoryStream(), new RootCauseOptions());

        rows.ForEach(spilled.Add);

        Assert.Equal(rows.Count, spilled.Count);
        Assert.Equal(ReportJson.Serialize(rows), ReportJson.Serialize(spilled.ToList()));
        // Read twice, and still appended to after a reading.
        spilled.Add(rows[0]);
        Assert.Equal(ReportJson.Serialize(rows.Append(rows[0])), ReportJson.Serialize(spilled.ToList()));
    }

    /// <summary>
    /// Names the codec numbers met as copies of their text (no two rows share an instance), interleaved with shared ones,
    /// and more distinct names than its cache has slots: read back field for field all the same.
    /// </summary>
    [Fact]
    public void Enumerate_NamesAsCopiesAndThousandsOfThem_ReadBackFieldForField()
    {
        static string Copy(string text) => new(text.AsSpan());
        var rows = new GeneratedDelivery { Items = 60 }.Evidence(seed: 4);
        rows = [.. rows.Select((r, i) => i % 3 == 0 ? r : r with { Item = Copy($"{r.Item}-{i}"), Annotator = Copy(r.Annotator), Outcome = Copy(r.Outcome) })];
        using var spilled = new SpilledEvidenceCollection(new MemoryStream(), new RootCauseOptions());

        rows.ForEach(spilled.Add);

        Assert.True(rows.Select(r => r.Item).Distinct().Count() > 1_000);
        Assert.Equal(ReportJson.Serialize(rows), ReportJson.Serialize(spilled.ToList()));
    }

    /// <summary>
    /// The reader takes the spill in 64 KiB blocks: rows, names and multi-byte UTF-8 text that straddle a block's end,
    /// and an object id longer than a block (200,000 characters of three bytes each), read back field for field.
    /// </summary>
    [Fact]
    public void Enumerate_TextAcrossAndLongerThanTheReadBuffer_ReadBackFieldForField()
    {
        var rows = new GeneratedDelivery { Items = 40 }.Evidence(seed: 5);
        rows = [.. rows.Select((r, i) => r with
        {
            GoldObject = $"{r.GoldObject}-{new string('ж', i % 37)}€{i}",
            Item = i % 5 == 0 ? $"{r.Item}-{new string('é', i % 101)}" : r.Item,
        })];
        var longAt = rows.Count / 2;
        rows.Insert(longAt, rows[0] with { AnnotatorObject = new string('€', 200_000) + "end" });
        using var spilled = new SpilledEvidenceCollection(new MemoryStream(), new RootCauseOptions());

        rows.ForEach(spilled.Add);

        var read = spilled.ToList();
        Assert.Equal(200_003, read[longAt].AnnotatorObject!.Length);
        Assert.Equal(ReportJson.Serialize(rows), ReportJson.Serialize(read));
    }

    /// <summary>
    /// Runs start at checkpoints 4,096 rows apart, each with the names numbered before it: more distinct names than the
    /// codec numbers (65,536; past them names are written in full every time), first met in every run, copies of their
    /// text, and a start over (Clear) before. The runs, tallied at once on several threads and merged in order, are the
    /// one-pass tally of the rows: the same counts in every cell and the same first error rows, field for field.
    /// </summary>
    [Fact]
    public void TallyRuns_OnSeveralThreadsPastTheTableOfNames_TheOnePassTally()
    {
        static string Copy(string text) => new(text.AsSpan());
        var rows = new GeneratedDelivery { Items = 1_300 }.DirectEvidence(seed: 8);
        // Two new names a row, the first 70,000 rows' or so; then the shared names again, as copies.
        rows = [.. rows.Select((r, i) => i < 35_000 ? r with { Item = $"{r.Item}-{i}", GoldAnnotator = $"g-{i}" } : r with { Annotator = Copy(r.Annotator) })];
        var options = new RootCauseOptions { EvidenceRows = 50 };
        using var spilled = new SpilledEvidenceCollection(new MemoryStream(), options);
        rows.Take(5_000).ToList().ForEach(spilled.Add);
        spilled.Clear();
        rows.ForEach(spilled.Add);
        var onePass = StrataTally.Strata(options);
        rows.ForEach(onePass.Add);

        var runs = spilled.TallyRuns(7);
        var merged = Tallied(runs, options);

        Assert.True(rows.Count > 39_000, $"{rows.Count} rows");
        Assert.True(rows.Select(r => r.Item).Concat(rows.Select(r => r.GoldAnnotator)).Distinct().Count() > 70_000);
        Assert.Equal(7, runs.Count);
        var expected = onePass.ToState();
        Assert.True(expected.Cells.Sum(c => c.Examples.Count) > 1_000, "error rows kept as examples");
        Assert.Equal(ReportJson.Serialize(expected), ReportJson.Serialize(merged.ToState()));
        // Fewer checkpoints than runs asked: one run per checkpoint; none: one run of no rows.
        Assert.Equal((rows.Count + 4_095) / 4_096, spilled.TallyRuns(1_000).Count);
        spilled.Clear();
        Assert.Empty(Tallied(spilled.TallyRuns(4), options).ToState().Cells);
        var missed = rows.First(r => r.Outcome == "missed");
        spilled.Add(missed);
        var cell = Tallied(spilled.TallyRuns(4), options).ToState().Cells.First(c => c.Kind == RootCauseKinds.Missed);
        Assert.Equal(ReportJson.Serialize(missed), ReportJson.Serialize(Assert.Single(cell.Examples)));
    }

    /// <summary>The runs tallied apart on up to four threads, merged in run order.</summary>
    private static StrataTally Tallied(IReadOnlyList<Action<StrataTally>> runs, RootCauseOptions options)
    {
        var tallies = new StrataTally[runs.Count];
        Parallel.For(0, runs.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, run =>
        {
            tallies[run] = StrataTally.Strata(options);
            runs[run](tallies[run]);
        });
        foreach (var tally in tallies.Skip(1))
        {
            tallies[0].Merge(tally);
        }

        return tallies[0];
    }

    /// <summary>
    /// Rows are written on the thread pool after they are added: a spill that cannot be written (a full disk) fails
    /// where the rows are next used, with the stream's error, and the collection still disposes.
    /// </summary>
    [Fact]
    public void Strata_SpillFailsWhileRowsAreWritten_RaisesTheStreamsError()
    {
        var rows = new GeneratedDelivery { Items = 200 }.Evidence(seed: 9);
        var spilled = new SpilledEvidenceCollection(new FullAfter(bytes: 10_000), new RootCauseOptions());

        rows.ForEach(spilled.Add);

        Assert.True(rows.Count > 2_000, $"{rows.Count} rows");
        Assert.Equal("No space left on the spill.", Assert.Throws<IOException>(() => spilled.Strata).Message);
        Assert.Throws<IOException>(() => spilled.ToList());
        spilled.Dispose();
    }

    /// <summary>A stream that takes <paramref name="bytes"/> bytes and then fails every write.</summary>
    private sealed class FullAfter(int bytes) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > bytes)
            {
                throw new IOException("No space left on the spill.");
            }

            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);
    }

    [Fact]
    public void Analyse_SpilledRowsAndTheirTally_SameReportAsTheRowsInMemory()
    {
        var rows = new GeneratedDelivery { Items = 400, Planted = (time, _, _, _) => time == "night" }.Evidence(seed: 7);
        var options = new RootCauseOptions();
        using var spilled = new SpilledEvidenceCollection(new MemoryStream(), options);
        rows.Take(100).ToList().ForEach(spilled.Add);
        spilled.Clear(); // an audit that starts over
        rows.ForEach(spilled.Add);

        var (inMemory, fromSpill) = (RootCauseAnalysis.Analyse(rows, options), RootCauseAnalysis.Analyse(spilled.Strata, spilled, options));

        // The planted night misses lead, and the interaction pass ran (it reads the rows again).
        Assert.Equal((RootCauseKinds.Missed, "night"), (inMemory.Ranked[0].ErrorKind, inMemory.Ranked[0].Where.Single().Level));
        Assert.NotEmpty(inMemory.Interactions);
        Assert.Equal(ReportJson.Serialize(inMemory), ReportJson.Serialize(fromSpill));
    }
}
