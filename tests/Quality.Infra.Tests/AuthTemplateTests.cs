namespace Quality.Infra.Tests;

/// <summary>infra/modules/auth.bicep: App Service Authentication requires an Entra ID token for the app registration
/// everywhere but health, the API's description and the blob extension's webhook.</summary>
public sealed class AuthTemplateTests
{
    [Theory]
    [MemberData(nameof(DeploymentSnapshot.Environments), MemberType = typeof(DeploymentSnapshot))]
    public void Authentication_IsRequired_AndAnswers401(string environment)
    {
        var auth = AuthSettings(environment);

        Assert.True((bool)auth["platform"]!["enabled"]!);
        Assert.True((bool)auth["globalValidation"]!["requireAuthentication"]!);
        Assert.Equal("Return401", (string?)auth["globalValidation"]!["unauthenticatedClientAction"]);
        Assert.True((bool)auth["httpSettings"]!["requireHttps"]!);
    }

    [Fact]
    public void ExcludedPaths_AreHealthTheApiDescriptionAndTheBlobWebhook()
    {
        var excluded = AuthSettings("prod")["globalValidation"]!["excludedPaths"]!.AsArray().Select(p => (string)p!);

        Assert.Equal(["/api/health", "/api/openapi.json", "/api/docs", "/runtime/webhooks/blobs"], excluded);
    }

    [Fact]
    public void EntraId_ValidatesTokensForTheAppRegistration()
    {
        var provider = AuthSettings("prod")["identityProviders"]!["azureActiveDirectory"]!;

        Assert.True((bool)provider["enabled"]!);
        Assert.Equal(DeploymentSnapshot.ApiClientId, (string?)provider["registration"]!["clientId"]);
        Assert.Contains(DeploymentSnapshot.TenantId, (string)provider["registration"]!["openIdIssuer"]!, StringComparison.Ordinal);
        Assert.Equal(
            [DeploymentSnapshot.ApiClientId, $"api://{DeploymentSnapshot.ApiClientId}"],
            provider["validation"]!["allowedAudiences"]!.AsArray().Select(a => (string)a!));
        Assert.Null(provider["registration"]!["clientSecretSettingName"]);
    }

    private static System.Text.Json.Nodes.JsonNode AuthSettings(string environment)
    {
        var config = DeploymentSnapshot.Of(environment).Single("Microsoft.Web/sites/config");
        Assert.EndsWith("/authsettingsV2", (string)config["name"]!, StringComparison.Ordinal);
        return config["properties"]!;
    }
}
