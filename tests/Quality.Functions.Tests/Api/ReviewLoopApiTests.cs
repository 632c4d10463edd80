using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Quality.Domain.Sampling;
using Quality.Functions.Tests.EndToEnd;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Api;

/// <summary>
/// The review loop end to end on Azurite: a batch is sampled under its standard's plan, a reviewer's delivery decides
/// the lot, and the vendor's inspection switches by the Z1.4 rules.
/// </summary>
public sealed class ReviewLoopApiTests
{
    private const string Pipeline = "review-loop";
    private const string Vendor = "acme";
    private const string Reviewer = "qa-lead";

    private static readonly string Standard = ReviewDeliveries.SamplingStandard(Pipeline, "  inspection: normal\n  strata: [class, annotator]\n  minimumPerStratum: 2\n  riskWeighted: true");

    // ann-02 calls 40% of pedestrians cyclists: an individual flaw that the review must find in ann-02's sampled units.
    private static readonly ObjectDeliveryGenerator.Injection[] Flaw = [new("pedestrian", "cyclist", 0.4, [ObjectDeliveryGenerator.Annotator(2)])];

    [Fact]
    public async Task Review_DecidesTheLotFromTheSampledUnits_AndTwoRejectedLotsTightenInspection()
    {
        await using var app = await QualityApp.StartAsync(processing: true);
        using var client = app.CreateClient();
        using (var published = await client.PutAsync($"/api/standards/{Pipeline}", new StringContent(Standard, Encoding.UTF8, "application/yaml")))
        {
            Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        }

        // A vendor is known once it has delivered to the pipeline.
        using (var before = await client.GetAsync($"/api/vendors/{Vendor}/inspection?pipeline={Pipeline}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        var first = await DecideAsync(client, seed: 1, "d-1");
        Assert.Equal("rejected", first.Decision);
        var second = await DecideAsync(client, seed: 2, "d-2");
        Assert.Equal("rejected", second.Decision);

        // Z1.4: two of two consecutive lots not accepted on normal inspection → tightened.
        var inspection = await client.GetFromJsonAsync<JsonObject>($"/api/vendors/{Vendor}/inspection?pipeline={Pipeline}");
        Assert.Equal("tightened", (string?)inspection!["severity"]);
        var lots = inspection["lots"]!.AsArray();
        Assert.Equal([first.Batch, second.Batch], lots.Select(l => (string)l!["batch"]!));
        Assert.Null((string?)lots[0]!["record"]!["switch"]);
        Assert.StartsWith("normal → tightened", (string?)lots[1]!["record"]!["switch"], StringComparison.Ordinal);

        // The next lot is sampled under the tightened plan of its size.
        var third = await DeliverAsync(client, ObjectDeliveryGenerator.Generate(seed: 3, "d-3", Pipeline, Vendor));
        var sample = await client.GetFromJsonAsync<JsonObject>($"/api/batches/{third}/sample");
        var tightened = AcceptanceSampling.Plan((long)sample!["lotSize"]!, 1.0, InspectionLevel.II, InspectionSeverity.Tightened);
        Assert.Equal(("tightened", tightened.SampleSize, tightened.Accept), ((string?)sample["plan"]!["inspection"], (int)sample["plan"]!["sampleSize"]!, (int)sample["plan"]!["accept"]!));

        // The same review delivered again (another delivery id) does not decide the lot twice.
        var again = await DeliverAsync(client, Review(first.Batch, first.Delivery, first.Sample, "review-again"));
        var repeated = await client.GetFromJsonAsync<JsonObject>($"/api/batches/{again}/disposition");
        Assert.True((bool)repeated!["alreadyDecided"]!);
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonObject>($"/api/vendors/{Vendor}/inspection?pipeline={Pipeline}"))!["lots"]!.AsArray().Count);

        // Reduced inspection needs the authority's approval; resuming needs a discontinued inspection.
        using (var approved = await client.PostAsJsonAsync($"/api/vendors/{Vendor}/inspection?pipeline={Pipeline}", new { reducedInspectionApproved = true }))
        {
            var state = await approved.Content.ReadFromJsonAsync<JsonObject>();
            Assert.Equal((true, "tightened", 2), ((bool)state!["reducedInspectionApproved"]!, (string?)state["severity"], state["lots"]!.AsArray().Count));
        }

        using (var resumed = await client.PostAsJsonAsync($"/api/vendors/{Vendor}/inspection?pipeline={Pipeline}", new { resume = true }))
        {
            Assert.Equal(HttpStatusCode.Conflict, resumed.StatusCode);
        }

        using (var neither = await client.PostAsJsonAsync($"/api/vendors/{Vendor}/inspection?pipeline={Pipeline}", new { }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/vendors/{Vendor}/inspection")).StatusCode);
    }

    [Fact]
    public async Task Review_OfABatchThatDoesNotExist_IsRejectedNamingTheHeaderField()
    {
        await using var app = await QualityApp.StartAsync(processing: true);
        using var client = app.CreateClient();
        var missing = new string('0', 32);
        var delivery = Header("review-x", missing) + "\n" + Line("f1", "car", 0) + "\n";

        var submitted = await BatchApiTests.SubmitAsync(client, delivery);
        var batch = await LocalHostTests.WaitForEndAsync(client, (string)submitted["id"]!);

        Assert.Equal("Rejected", (string?)batch["status"]);
        Assert.Contains("reviews", (string?)batch["reason"], StringComparison.Ordinal);
        Assert.Contains($"batch {missing} does not exist", (string?)batch["reason"], StringComparison.Ordinal);
    }

    private sealed record Decided(string Batch, string Delivery, JsonObject Sample, string Decision);

    /// <summary>Delivers a flawed batch, checks its sample, delivers the gold key of the sampled items as the review, and checks the decision.</summary>
    private static async Task<Decided> DecideAsync(HttpClient client, int seed, string deliveryId)
    {
        var delivery = ObjectDeliveryGenerator.Generate(seed, deliveryId, Pipeline, Vendor, injections: Flaw);
        var batch = await DeliverAsync(client, delivery);
        var sample = (await client.GetFromJsonAsync<JsonObject>($"/api/batches/{batch}/sample"))!;

        // The lot is every (item, annotator) pair of the delivery, counted here from its lines; the plan is Z1.4's for it.
        var labels = Labels(delivery);
        Assert.Equal(labels.Count, (long)sample["lotSize"]!);
        var plan = AcceptanceSampling.Plan(labels.Count, 1.0, InspectionLevel.II, InspectionSeverity.Normal);
        Assert.Equal((plan.SampleSize, plan.Accept, plan.Reject), ((int)sample["plan"]!["sampleSize"]!, (int)sample["plan"]!["accept"]!, (int)sample["plan"]!["reject"]!));
        var items = sample["items"]!.AsArray();
        Assert.Equal((int)sample["size"]!, items.Count);
        Assert.True(items.Count >= plan.SampleSize);
        Assert.All(items, i => Assert.True(labels.ContainsKey(((string)i!["item"]!, (string)i["annotator"]!))));

        // The reviewer labels every sampled item as the gold key has it: a unit is nonconforming exactly when its
        // annotator gave an object another class than the one its position says (every class sits at its own x) or missed one.
        var expected = items.Count(i => !Conforms(labels[((string)i!["item"]!, (string)i["annotator"]!)]));
        var review = await DeliverAsync(client, Review(batch, delivery, sample, "review-" + deliveryId));
        var reviewBatch = await client.GetFromJsonAsync<JsonObject>($"/api/batches/{review}");
        Assert.Equal(batch, (string?)reviewBatch!["review"]!["batch"]);

        var disposition = (await client.GetFromJsonAsync<JsonObject>($"/api/batches/{batch}/disposition"))!;
        var lot = disposition["disposition"]!;
        Assert.Equal((items.Count, expected), ((int)lot["reviewed"]!, (int)lot["nonconforming"]!));
        Assert.True(expected > 0, "the flaw reaches the sample");
        Assert.Equal(expected >= plan.Reject ? "rejected" : "accepted", (string?)lot["decision"]);
        Assert.Equal((double)expected / items.Count, (double)lot["sampleRate"]!["value"]!, 12);
        Assert.Equal((string?)lot["decision"], (string?)reviewBatch["review"]!["disposition"]);
        return new Decided(batch, delivery, sample, (string)lot["decision"]!);
    }

    /// <summary>Each (item, annotator)'s objects as (label, x).</summary>
    private static Dictionary<(string Item, string Annotator), List<(string Label, double X)>> Labels(string delivery)
    {
        var units = new Dictionary<(string, string), List<(string, double)>>();
        foreach (var line in delivery.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var node = JsonNode.Parse(line)!;
            if ((string?)node["role"] != "annotator")
            {
                continue;
            }

            var key = ((string)node["item"]!, (string)node["annotator"]!);
            if (!units.TryGetValue(key, out var list))
            {
                units[key] = list = [];
            }

            list.Add(((string)node["label"]!, (double)node["geometry"]!["x"]!));
        }

        return units;
    }

    private static bool Conforms(List<(string Label, double X)> objects) =>
        objects.Count == ObjectDeliveryGenerator.Classes.Length
        && objects.All(o => o.Label == ObjectDeliveryGenerator.Classes[(int)Math.Round(o.X / 25)]);

    /// <summary>The gold lines of every sampled item, relabeled as the reviewer's, under a header that names the reviewed batch.</summary>
    private static string Review(string batch, string delivery, JsonObject sample, string deliveryId) =>
        ReviewDeliveries.FromGold(batch, delivery, sample["items"]!.AsArray().Select(i => (string)i!["item"]!), Pipeline, Vendor, deliveryId);

    private static string Header(string deliveryId, string reviews) => ReviewDeliveries.Header(Pipeline, Vendor, deliveryId, reviews);

    private static string Line(string item, string label, double x) => string.Create(CultureInfo.InvariantCulture,
        $$$"""{"item":"{{{item}}}","annotator":"{{{Reviewer}}}","role":"reviewer","label":"{{{label}}}","geometry":{"type":"cuboid","x":{{{x}}},"y":0,"z":0,"length":4.5,"width":1.9,"height":1.6,"yaw":0}}""");

    private static async Task<string> DeliverAsync(HttpClient client, string delivery)
    {
        var submitted = await BatchApiTests.SubmitAsync(client, delivery);
        var batch = await LocalHostTests.WaitForEndAsync(client, (string)submitted["id"]!);
        Assert.True((string?)batch["status"] == "Completed", batch.ToJsonString());
        return (string)submitted["id"]!;
    }
}
