using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Quality.Infra.Tests;

/// <summary>infra/modules/functionApp.bicep: a Flex Consumption app on dotnet-isolated 10.0 whose every connection is
/// identity-based, reachable over HTTPS only, with no way in by user name and password.</summary>
public sealed partial class FunctionAppTemplateTests
{
    [Fact]
    public void AppSettings_AreTheIdentityBasedConnectionsAndTelemetry()
    {
        Assert.Equal(
            [
                "AzureWebJobsStorage__accountName",
                "AzureWebJobsStorage__credential",
                "AzureWebJobsStorage__clientId",
                "APPLICATIONINSIGHTS_CONNECTION_STRING",
                "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
            ],
            InfraTemplate.AppSettingNames());
    }

    [Fact]
    public void AppSettings_InTheCompiledTemplate_CarryNoSecret()
    {
        Assert.All(InfraTemplate.AppSettings(InfraTemplate.Compiled), setting => AssertNoSecret(setting));
    }

    [Theory]
    [MemberData(nameof(DeploymentSnapshot.Environments), MemberType = typeof(DeploymentSnapshot))]
    public void AppSettings_AsDeployed_CarryNoSecret(string environment)
    {
        Assert.All(AppSettings(DeploymentSnapshot.Of(environment, secondStage: true)), setting => AssertNoSecret(setting));
    }

    [Fact]
    public void Template_ListsNoKeyButTheBlobExtensionKeyForEventGrid()
    {
        var listCalls = ListFunction().Matches(InfraTemplate.Compiled.ToJsonString()).Select(m => m.Value).ToList();

        var call = Assert.Single(listCalls);
        Assert.Equal("listKeys(", call);
        var subscription = Assert.Single(InfraTemplate.Resources(InfraTemplate.Compiled), r => (string?)r["type"] == "Microsoft.EventGrid/systemTopics/eventSubscriptions");
        Assert.Contains("listKeys(", subscription.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Template_SetsNoSettingsOrConnectionStringsOutsideTheSite()
    {
        var configs = InfraTemplate.Resources(InfraTemplate.Compiled).Where(r => (string?)r["type"] == "Microsoft.Web/sites/config");

        Assert.All(configs, c => Assert.Contains("authsettingsV2", (string)c["name"]!, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DeploymentSnapshot.Environments), MemberType = typeof(DeploymentSnapshot))]
    public void AppSettings_NameTheAccountAndTheAppIdentity(string environment)
    {
        var snapshot = DeploymentSnapshot.Of(environment);
        var settings = AppSettings(snapshot).ToDictionary(s => (string)s["name"]!, s => (string)s["value"]!);
        var identityId = (string)snapshot.Single("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;

        Assert.Equal(((string)snapshot.Single("Microsoft.Storage/storageAccounts")["name"]!), settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal($"[reference('{identityId}', '2024-11-30').clientId]", settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal($"[format('Authorization=AAD;ClientId={{0}}', reference('{identityId}', '2024-11-30').clientId)]", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Theory]
    [MemberData(nameof(DeploymentSnapshot.Environments), MemberType = typeof(DeploymentSnapshot))]
    public void Site_RunsDotnetIsolated10OnLinuxFlexConsumption(string environment)
    {
        var snapshot = DeploymentSnapshot.Of(environment);
        var plan = snapshot.Single("Microsoft.Web/serverfarms");
        var site = snapshot.Single("Microsoft.Web/sites");

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.Equal((string)plan["id"]!, (string?)site["properties"]!["serverFarmId"]);
        var runtime = site["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
    }

    [Fact]
    public void AppSettings_LeaveTheRuntimeToFunctionAppConfig()
    {
        // Deprecated on Flex Consumption: the runtime and host version come from functionAppConfig and the platform.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", InfraTemplate.AppSettingNames());
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", InfraTemplate.AppSettingNames());
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", InfraTemplate.AppSettingNames());
        Assert.DoesNotContain(InfraTemplate.AppSettingNames(), n => n.StartsWith("WEBSITE_CONTENT", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DeploymentSnapshot.Environments), MemberType = typeof(DeploymentSnapshot))]
    public void DeploymentStorage_IsTheAppPackageContainer_ReadWithTheUserAssignedIdentity(string environment)
    {
        var snapshot = DeploymentSnapshot.Of(environment);
        var storage = snapshot.Single("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;

        Assert.Equal("blobContainer", (string?)storage["type"]);
        Assert.EndsWith("primaryEndpoints.blob, 'app-package')]", (string)storage["value"]!, StringComparison.Ordinal);
        Assert.Equal("UserAssignedIdentity", (string?)storage["authentication"]!["type"]);
        Assert.Equal(
            (string)snapshot.Single("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!,
            (string?)storage["authentication"]!["userAssignedIdentityResourceId"]);
    }

    [Theory]
    [MemberData(nameof(DeploymentSnapshot.Environments), MemberType = typeof(DeploymentSnapshot))]
    public void Site_IsHttpsOnlyWithTls12AndNoFtp(string environment)
    {
        var site = DeploymentSnapshot.Of(environment).Single("Microsoft.Web/sites")["properties"]!;

        Assert.True((bool)site["httpsOnly"]!);
        Assert.Equal("1.2", (string?)site["siteConfig"]!["minTlsVersion"]);
        Assert.Equal("1.2", (string?)site["siteConfig"]!["scmMinTlsVersion"]);
        Assert.Equal("Disabled", (string?)site["siteConfig"]!["ftpsState"]);
    }

    [Theory]
    [MemberData(nameof(DeploymentSnapshot.Environments), MemberType = typeof(DeploymentSnapshot))]
    public void BasicPublishingCredentials_AreOffForFtpAndScm(string environment)
    {
        var policies = DeploymentSnapshot.Of(environment).OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.Equal(["ftp", "scm"], policies.Select(p => ((string)p["name"]!).Split('/')[^1]).Order());
        Assert.All(policies, p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    [Fact]
    public void Scale_FollowsEachParameterFile()
    {
        static JsonNode Scale(string environment) =>
            DeploymentSnapshot.Of(environment).Single("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!;

        Assert.Equal(2048, (int)Scale("dev")["instanceMemoryMB"]!);
        Assert.Equal(40, (int)Scale("dev")["maximumInstanceCount"]!);
        Assert.Empty(Scale("dev")["alwaysReady"]!.AsArray());
        Assert.Equal(100, (int)Scale("prod")["maximumInstanceCount"]!);
        var alwaysReady = Assert.Single(Scale("prod")["alwaysReady"]!.AsArray());
        Assert.Equal("http", (string?)alwaysReady!["name"]);
        Assert.Equal(1, (int)alwaysReady["instanceCount"]!);
    }

    private static IEnumerable<JsonObject> AppSettings(DeploymentSnapshot snapshot) =>
        snapshot.Single("Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray().Select(s => s!.AsObject());

    private static void AssertNoSecret(JsonObject setting)
    {
        var value = (string)setting["value"]!;
        foreach (var secret in new[] { "AccountKey=", "SharedAccessSignature", "SharedAccessKey", "sig=", "Password=" })
        {
            Assert.DoesNotContain(secret, value, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotMatch(ListFunction(), value);
    }

    /// <summary>An ARM list* function call (listKeys, listAccountSas, listServiceSas, …): each returns a secret.</summary>
    [GeneratedRegex(@"\blist[A-Z]\w*\(")]
    private static partial Regex ListFunction();
}
