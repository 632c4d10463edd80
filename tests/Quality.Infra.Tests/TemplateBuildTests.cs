using System.Text.Json.Nodes;

namespace Quality.Infra.Tests;

/// <summary>
/// The Bicep CLI accepts infra/ without a single diagnostic: build, the linter with the rules of infra/bicepconfig.json
/// (all at warning level), and both parameter files.
/// </summary>
public sealed class TemplateBuildTests
{
    private static readonly Dictionary<string, string> ApiClient = new() { ["QUALITY_API_CLIENT_ID"] = DeploymentSnapshot.ApiClientId };

    [Fact]
    public void Build_MainTemplate_ReportsNothing()
    {
        var run = BicepCli.Run(InfraTemplate.Directory, null, "build", "main.bicep", "--stdout", "--no-restore");

        Assert.True(run.IsClean, run.ToString());
        Assert.Equal("2.0", (string?)JsonNode.Parse(run.Output)!["languageVersion"]);
    }

    [Fact]
    public void Lint_EveryBicepFile_ReportsNothing()
    {
        var run = BicepCli.Run(InfraTemplate.Directory, null, "lint", "--pattern", "**/*.bicep", "--no-restore");

        Assert.True(run.IsClean, run.ToString());
    }

    [Fact]
    public void Lint_BothParameterFiles_ReportNothing()
    {
        var run = BicepCli.Run(InfraTemplate.Directory, ApiClient, "lint", "--pattern", "*.bicepparam", "--no-restore");

        Assert.True(run.IsClean, run.ToString());
    }

    [Fact]
    public void Format_EveryFile_IsAlreadyCanonical()
    {
        using var copy = new InfraCopy();

        var run = BicepCli.Run(copy.FullName, null, "format", "--pattern", "**/*.bicep*");

        Assert.True(run.IsClean, run.ToString());
        var sources = Directory.EnumerateFiles(InfraTemplate.Directory, "*.bicep*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.Equal(
            File.ReadAllText(source),
            File.ReadAllText(Path.Combine(copy.FullName, Path.GetRelativePath(InfraTemplate.Directory, source)))));
    }

    [Theory]
    [MemberData(nameof(DeploymentSnapshot.Environments), MemberType = typeof(DeploymentSnapshot))]
    public void BuildParams_EachEnvironment_ReportsNothingAndStartsWithTheFirstStage(string environment)
    {
        var run = BicepCli.Run(InfraTemplate.Directory, ApiClient, "build-params", $"main.{environment}.bicepparam", "--stdout", "--no-restore");

        Assert.True(run.IsClean, run.ToString());
        var parameters = Parameters(run);
        Assert.Equal(environment, (string?)parameters["environmentName"]!["value"]);
        Assert.Equal(DeploymentSnapshot.ApiClientId, (string?)parameters["apiClientId"]!["value"]);
        Assert.False((bool)parameters["deployEventSubscription"]!["value"]!);
    }

    [Fact]
    public void BuildParams_SecondStageVariable_TurnsTheEventSubscriptionOn()
    {
        var environment = new Dictionary<string, string>(ApiClient) { ["QUALITY_DEPLOY_EVENT_SUBSCRIPTION"] = "true" };

        var run = BicepCli.Run(InfraTemplate.Directory, environment, "build-params", "main.prod.bicepparam", "--stdout", "--no-restore");

        Assert.True(run.IsClean, run.ToString());
        Assert.True((bool)Parameters(run)["deployEventSubscription"]!["value"]!);
    }

    [Fact]
    public void BuildParams_WithoutTheApiClientId_FailsNamingTheVariable()
    {
        var run = BicepCli.Run(InfraTemplate.Directory, null, "build-params", "main.dev.bicepparam", "--stdout", "--no-restore");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("QUALITY_API_CLIENT_ID", run.Errors, StringComparison.Ordinal);
    }

    private static JsonObject Parameters(BicepRun run) =>
        JsonNode.Parse((string)JsonNode.Parse(run.Output)!["parametersJson"]!)!["parameters"]!.AsObject();
}
