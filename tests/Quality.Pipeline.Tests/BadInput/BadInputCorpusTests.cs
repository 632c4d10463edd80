using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Quality.Pipeline.Activities;
using Quality.Pipeline.Runs;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.BadInput;

/// <summary>
/// Every delivery of the bad-input corpus, through one running pipeline on Azurite: each ends Rejected naming its
/// file, line and field; the delivered blobs are unchanged; a copy and the error report are in quarantine; and the
/// pipeline goes on to complete a good delivery.
/// </summary>
public sealed class BadInputCorpusTests(BadInputCorpusTests.Pipeline fixture) : IClassFixture<BadInputCorpusTests.Pipeline>
{
    public sealed class Pipeline : IAsyncLifetime
    {
        internal TestPipeline Test { get; private set; } = null!;

        public async Task InitializeAsync() => Test = await TestPipeline.StartAsync();

        public async Task DisposeAsync() => await Test.DisposeAsync();
    }

    public static TheoryData<string> Cases => [.. BadDeliveries.All.Select(c => c.Name)];

    [Fact]
    public void Corpus_HasAtLeast30DistinctCases() =>
        Assert.True(BadDeliveries.All.Select(c => c.Name).Distinct().Count() is var n && n == BadDeliveries.All.Count && n >= 30, $"{n} cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadDelivery_RejectedPreciselyAndNothingLost(string name)
    {
        var bad = BadDeliveries.All.Single(c => c.Name == name);
        var pipeline = fixture.Test;
        var (trigger, blobs) = Names(bad);
        var arrivals = new List<Arrival?>();
        foreach (var (path, bytes) in bad.Files.Where(f => f.Key != "manifest.json"))
        {
            await pipeline.IncomingBlob(blobs[path]).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true);
            arrivals.Add(await pipeline.ArriveAsync(blobs[path]));
        }

        if (bad.IsMultiFile)
        {
            await pipeline.IncomingBlob(trigger).UploadAsync(BinaryData.FromBytes(bad.Files["manifest.json"]), overwrite: true);
            arrivals.Add(await pipeline.ArriveAsync(trigger));
        }

        var before = await ETagsAsync(pipeline, blobs.Values);
        foreach (var arrival in arrivals.OfType<Arrival>())
        {
            await pipeline.AuditAsync(arrival.RunId);
        }

        var blob = await pipeline.Get<Quality.Pipeline.Storage.BlobDeliveryStore>().GetAsync(trigger, CancellationToken.None);
        var missing = bad.IsMultiFile ? ManifestPaths(bad).Where(path => !bad.Files.ContainsKey(path)).ToList() : [];
        var run = await pipeline.RunAsync(missing.Count > 0 ? RunIds.ForIncomplete(trigger, blob!.ContentKey, missing) : RunIds.For(trigger, blob!.ContentKey));
        Assert.Equal(RunStatus.Rejected, run.Status);
        var expectedFile = bad.IsMultiFile ? blobs.GetValueOrDefault(bad.File, trigger) : trigger;
        var quarantine = pipeline.Storage.Container(pipeline.Storage.Names.Quarantine);
        using var report = JsonDocument.Parse((await quarantine.GetBlobClient($"{run.Id}/error.json").DownloadContentAsync()).Value.Content.ToString());
        var error = report.RootElement;
        Assert.Equal((expectedFile, bad.Line, bad.Field),
            (error.GetProperty("file").GetString(), error.GetProperty("line").GetInt64(), error.TryGetProperty("field", out var field) ? field.GetString() : null));
        Assert.Contains(bad.Problem, error.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.Equal(error.GetProperty("message").GetString(), run.Reason);

        Assert.Equal(before, await ETagsAsync(pipeline, blobs.Values));
        // The delivery is the blob, or the manifest and the files it lists (all of them stay in incoming regardless).
        var listed = bad.IsMultiFile ? ManifestPaths(bad).Append("manifest.json").ToHashSet() : [.. bad.Files.Keys];
        foreach (var (path, bytes) in bad.Files.Where(f => listed.Contains(f.Key)))
        {
            var copy = await quarantine.GetBlobClient($"{run.Id}/delivery/{blobs[path]}").DownloadContentAsync();
            Assert.Equal(bytes, copy.Value.Content.ToArray());
        }
    }

    public static TheoryData<string> AcceptedCases => [.. BadDeliveries.AcceptedMistakes.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(AcceptedCases))]
    public async Task UnambiguousMistake_AuditedAsTheCleanDelivery(string name)
    {
        var accepted = BadDeliveries.AcceptedMistakes.Single(c => c.Name == name);
        var pipeline = fixture.Test;
        var folder = $"accepted/acme/{accepted.Name}";
        var trigger = accepted.IsMultiFile ? folder + "/manifest.json" : folder + ".jsonl";
        foreach (var (path, bytes) in accepted.Files.OrderBy(f => f.Key == "manifest.json"))
        {
            var blob = accepted.IsMultiFile ? $"{folder}/{path}" : trigger;
            await pipeline.IncomingBlob(blob).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true);
        }

        var run = await pipeline.AuditAsync((await pipeline.ArriveAsync(trigger))!.RunId);

        Assert.True(run.Status == RunStatus.Completed, run.Reason);
        Assert.Equal(accepted.Annotations, run.Metrics!.Annotations);
    }

    [Fact]
    public async Task AfterTheCorpus_AGoodDeliveryCompletes()
    {
        var run = await fixture.Test.DeliverAndAuditAsync("good/acme/after-bad.jsonl", DeliveryGenerator.Generate(items: 30, seed: 4));

        Assert.Equal(RunStatus.Completed, run.Status);
    }

    /// <summary>The blob that starts the delivery, and every file's blob name.</summary>
    private static (string Trigger, Dictionary<string, string> Blobs) Names(BadDeliveries.Case bad)
    {
        if (!bad.IsMultiFile)
        {
            var single = $"bad/acme/{bad.Name}.jsonl";
            return (single, new Dictionary<string, string> { ["delivery.jsonl"] = single });
        }

        var folder = $"bad/acme/{bad.Name}/";
        return (folder + "manifest.json", bad.Files.Keys.ToDictionary(path => path, path => folder + path));
    }

    /// <summary>The paths a case's manifest lists, when it parses.</summary>
    private static IEnumerable<string> ManifestPaths(BadDeliveries.Case bad)
    {
        try
        {
            return Domain.Formats.Manifest.ManifestParser.Parse(bad.Files["manifest.json"], "manifest.json", ("d", "p", "v")).Files.Select(f => f.Path);
        }
        catch (Domain.Formats.DeliveryFormatException)
        {
            return [];
        }
    }

    private static async Task<List<string>> ETagsAsync(TestPipeline pipeline, IEnumerable<string> blobs)
    {
        var etags = new List<string>();
        foreach (var blob in blobs.Order(StringComparer.Ordinal))
        {
            BlobProperties properties = await pipeline.IncomingBlob(blob).GetPropertiesAsync();
            etags.Add(properties.ETag.ToString());
        }

        return etags;
    }
}
