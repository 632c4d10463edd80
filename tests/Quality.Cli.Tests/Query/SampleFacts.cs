using System.Text.Json;
using Quality.Tests.Shared;

namespace Quality.Cli.Tests.Query;

/// <summary>
/// One facts folder for the query tests, written by <c>quality audit --facts</c>: the lidar sample (filed under
/// 2026-11-26), the camera-tags sample (2026-11-25) and <see cref="NightDelivery"/> (2026-11-27), with each delivery's
/// <c>quality audit --json</c> kept to check the answers against.
/// </summary>
public sealed class SampleFacts : IAsyncLifetime
{
    /// <summary>
    /// A hand-made lidar delivery of another vendor whose answers are known by construction: two sweeps with gold
    /// time_of_day tags, night and day; in each, ann-11 draws the car exactly where gold has it (IoU 1) and misses the
    /// pedestrian — at night at (45, 5), √(45² + 5²) = 45.28 m from ego, by day at (60, 0), 60 m. ann-11 tags the night
    /// sweep "dusk" (wrong) and the day sweep "day" (right).
    /// </summary>
    public const string NightDelivery = """
        {"format":"serverless-quality.canonical","version":1,"deliveryId":"2026-11-27-lidar-night","pipeline":"front-lidar-cuboids","vendor":"zenith-annotations","taxonomy":{"name":"driving","version":"2.0.0"},"dataTypes":["cuboids-3d","frame-tags"]}
        {"item":"sweep-n1","annotator":"gold-key","role":"gold","field":"time_of_day","label":"night"}
        {"item":"sweep-n1","annotator":"gold-key","role":"gold","id":"g-n1-car","label":"car","geometry":{"type":"cuboid","x":10,"y":0,"z":-0.9,"length":4.5,"width":1.9,"height":1.6,"yaw":0}}
        {"item":"sweep-n1","annotator":"gold-key","role":"gold","id":"g-n1-ped","label":"pedestrian","geometry":{"type":"cuboid","x":45,"y":5,"z":-0.8,"length":0.7,"width":0.7,"height":1.75,"yaw":0}}
        {"item":"sweep-n1","annotator":"ann-11","role":"annotator","field":"time_of_day","label":"dusk"}
        {"item":"sweep-n1","annotator":"ann-11","role":"annotator","id":"a-n1-car","label":"car","geometry":{"type":"cuboid","x":10,"y":0,"z":-0.9,"length":4.5,"width":1.9,"height":1.6,"yaw":0}}
        {"item":"sweep-d1","annotator":"gold-key","role":"gold","field":"time_of_day","label":"day"}
        {"item":"sweep-d1","annotator":"gold-key","role":"gold","id":"g-d1-car","label":"car","geometry":{"type":"cuboid","x":50,"y":0,"z":-0.9,"length":4.5,"width":1.9,"height":1.6,"yaw":0}}
        {"item":"sweep-d1","annotator":"gold-key","role":"gold","id":"g-d1-ped","label":"pedestrian","geometry":{"type":"cuboid","x":60,"y":0,"z":-0.8,"length":0.7,"width":0.7,"height":1.75,"yaw":0}}
        {"item":"sweep-d1","annotator":"ann-11","role":"annotator","field":"time_of_day","label":"day"}
        {"item":"sweep-d1","annotator":"ann-11","role":"annotator","id":"a-d1-car","label":"car","geometry":{"type":"cuboid","x":50,"y":0,"z":-0.9,"length":4.5,"width":1.9,"height":1.6,"yaw":0}}
        """;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"quality-facts-{Guid.NewGuid():N}");

    public string NightFile => Path.Combine(Folder, "night.jsonl");

    /// <summary><c>quality audit --json</c> of the lidar sample and of the night delivery: the object figures.</summary>
    public JsonElement LidarAudit { get; private set; }

    public JsonElement NightAudit { get; private set; }

    /// <summary>The deliveries with frame tags, as files, for a reference computed straight from their lines.</summary>
    public IReadOnlyList<string> TagFiles => [Repository.Sample("front-camera-tags.jsonl"), NightFile];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        await File.WriteAllTextAsync(NightFile, NightDelivery + "\n");
        LidarAudit = await AuditAsync(Repository.Sample("front-lidar-cuboids.jsonl"), "2026-11-26");
        await AuditAsync(Repository.Sample("front-camera-tags.jsonl"), "2026-11-25");
        NightAudit = await AuditAsync(NightFile, "2026-11-27");
    }

    private async Task<JsonElement> AuditAsync(string file, string date)
    {
        var run = await CliRun.InvokeAsync("audit", file, "--json", "--facts", Folder, "--facts-date", date);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }

    /// <summary>Runs a query over the folder with <c>--json</c>: its rows.</summary>
    public async Task<IReadOnlyList<JsonElement>> QueryAsync(string sql)
    {
        var run = await CliRun.InvokeAsync("query", sql, "--facts", Folder, "--json");
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        return [.. JsonDocument.Parse(run.Output).RootElement.EnumerateArray().Select(r => r.Clone())];
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
