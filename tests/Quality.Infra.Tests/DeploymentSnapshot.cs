using System.Text.Json.Nodes;

namespace Quality.Infra.Tests;

/// <summary>
/// What a deployment of infra/ with one parameter file would create, as <c>bicep snapshot</c> predicts it offline:
/// every resource with its name, id (scope included) and properties evaluated, except the values only Azure knows
/// (another resource's runtime properties stay <c>[reference(…)]</c> expressions, keys stay <c>[listKeys(…)]</c>).
/// </summary>
internal sealed class DeploymentSnapshot
{
    public const string SubscriptionId = "00000000-0000-0000-0000-0000000000a1";
    public const string TenantId = "00000000-0000-0000-0000-0000000000b2";
    public const string ApiClientId = "6d3c0a52-1f9e-4d5b-9a61-2b8f0e7c4a13";

    private static readonly Dictionary<(string, bool), Lazy<DeploymentSnapshot>> Cache = new()
    {
        [("dev", false)] = new(() => Take("dev", secondStage: false)),
        [("dev", true)] = new(() => Take("dev", secondStage: true)),
        [("prod", false)] = new(() => Take("prod", secondStage: false)),
        [("prod", true)] = new(() => Take("prod", secondStage: true)),
    };

    private DeploymentSnapshot(string resourceGroup, IReadOnlyList<JsonObject> resources, JsonObject outputs)
    {
        ResourceGroupId = $"/subscriptions/{SubscriptionId}/resourceGroups/{resourceGroup}";
        Resources = resources;
        Outputs = outputs;
    }

    /// <summary>The parameter files, for theories over both.</summary>
    public static TheoryData<string> Environments => new() { "dev", "prod" };

    public string ResourceGroupId { get; }

    public IReadOnlyList<JsonObject> Resources { get; }

    public JsonObject Outputs { get; }

    /// <summary>A deployment with <c>main.{environment}.bicepparam</c>; the second stage adds the event subscription.</summary>
    public static DeploymentSnapshot Of(string environment, bool secondStage = false) => Cache[(environment, secondStage)].Value;

    public IEnumerable<JsonObject> OfType(string type) => Resources.Where(r => (string?)r["type"] == type);

    public JsonObject Single(string type) => Assert.Single(OfType(type));

    public string Id(string type, string name) => $"{ResourceGroupId}/providers/{type}/{name}";

    private static DeploymentSnapshot Take(string environment, bool secondStage)
    {
        // snapshot writes main.{environment}.snapshot.json beside the parameter file.
        using var copy = new InfraCopy();
        var resourceGroup = $"rg-quality-{environment}";
        var run = BicepCli.Run(
            copy.FullName,
            new Dictionary<string, string>
            {
                ["QUALITY_API_CLIENT_ID"] = ApiClientId,
                ["QUALITY_DEPLOY_EVENT_SUBSCRIPTION"] = secondStage ? "true" : "false",
            },
            "snapshot", $"main.{environment}.bicepparam", "--mode", "overwrite",
            "--tenant-id", TenantId, "--subscription-id", SubscriptionId,
            "--resource-group", resourceGroup, "--location", "westeurope");

        // Warnings are TemplateBuildTests' to report; only a failed evaluation stops the tests that read the snapshot.
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException(run.ToString());
        }

        var snapshot = JsonNode.Parse(File.ReadAllText(Path.Combine(copy.FullName, $"main.{environment}.snapshot.json")))!.AsObject();
        if (snapshot["diagnostics"]!.AsArray().Count > 0)
        {
            throw new InvalidOperationException("snapshot diagnostics: " + snapshot["diagnostics"]!.ToJsonString());
        }

        var resources = snapshot["predictedResources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        return new DeploymentSnapshot(resourceGroup, resources, snapshot["outputs"]!.AsObject());
    }
}
