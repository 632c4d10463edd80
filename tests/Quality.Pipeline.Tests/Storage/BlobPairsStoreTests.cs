using System.Text;
using Quality.Domain.Audit;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Tests.Storage;

/// <summary>
/// What Compute writes per shard, byte for byte: finalize copies the evidence blobs into the batch's pairs report
/// unchanged, and reads partials and frames back, so the UTF-8 writers must give the bytes the string forms gave.
/// </summary>
public sealed class BlobWorkStoreContentTests
{
    private static readonly EvidencePair Matched = new(
        "scene-1/frame-0007", "lidar", "matched", "gold", "g-12", "ann-b", "b-40", "Fußgänger", "Fußgänger", 0.8125,
        new Dictionary<string, string?[]> { ["occluded"] = ["true", "false"] });

    private static readonly EvidencePair Missed = new("scene-1/frame-0007", "lidar", "missed", "gold", "g-13", "ann-b", null, "car", null, null, null);

    [Fact]
    public void EvidenceContent_TwoPairs_OneCompactReportJsonLineEachAsWrittenOut()
    {
        // Written out by hand: ReportJson's camelCase names in declaration order, nulls written, text unescaped
        // ("ß", "ä" as UTF-8, not \u escapes), 0.8125 (= 13/16, exact in binary) as its shortest form, '\n' after each line.
        const string expected =
            """{"item":"scene-1/frame-0007","dataType":"lidar","outcome":"matched","goldAnnotator":"gold","goldObject":"g-12","annotator":"ann-b","annotatorObject":"b-40","goldClass":"Fußgänger","annotatorClass":"Fußgänger","iou":0.8125,"attributeDifferences":{"occluded":["true","false"]},"strata":null}""" + "\n" +
            """{"item":"scene-1/frame-0007","dataType":"lidar","outcome":"missed","goldAnnotator":"gold","goldObject":"g-13","annotator":"ann-b","annotatorObject":null,"goldClass":"car","annotatorClass":null,"iou":null,"attributeDifferences":null,"strata":null}""" + "\n";

        var content = BlobWorkStore.EvidenceContent([Matched, Missed]).ToArray();

        Assert.Equal(expected, Encoding.UTF8.GetString(content));
        Assert.Equal(Encoding.UTF8.GetBytes(ReportJson.Serialize(Matched) + "\n" + ReportJson.Serialize(Missed) + "\n"), content);
    }

    [Fact]
    public async Task ReadEvidence_WrittenContent_TheSamePairsInOrder()
    {
        var read = new List<EvidencePair>();
        await foreach (var pair in BlobWorkStore.ReadEvidenceAsync(BlobWorkStore.EvidenceContent([Matched, Missed]).ToStream(), CancellationToken.None))
        {
            read.Add(pair);
        }

        // The pairs hold a dictionary (compared by reference in a record), so each is compared as its JSON line.
        Assert.Equal([ReportJson.Serialize(Matched), ReportJson.Serialize(Missed)], read.Select(p => ReportJson.Serialize(p)));
        Assert.Equal(0.8125, read[0].Iou);
        Assert.Equal(("true", "false"), (read[0].AttributeDifferences!["occluded"][0], read[0].AttributeDifferences!["occluded"][1]));
        Assert.Null(read[1].AnnotatorObject);
    }

    [Fact]
    public void EvidenceContent_NoPairs_IsEmpty() =>
        Assert.Empty(BlobWorkStore.EvidenceContent([]).ToArray());
}
